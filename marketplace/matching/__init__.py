"""Two-way matching of city needs and solutions.

- ``weights``: the factor weights, in one place, with their version.
- ``profiles``: the plain data the engine scores (a need or a preview, a solution), loaded in bulk.
- ``inference``: solution types inferred from a problem description.
- ``factors``: one function per factor, each returning a value in [0, 1] and a reason in plain Korean.
- ``engine``: candidates, scores, exclusions and ranking, in both directions (need → solutions, solution → needs).
- ``eligibility``: which support programmes a need qualifies for, and which solutions keep it eligible.
- ``certification``: the one place the certification factor reads from.
"""
