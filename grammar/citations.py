"""stub"""
def find_citations(bill):
    return (), ()
