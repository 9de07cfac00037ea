"""stub"""
def find_definitions(bill):
    return ()
