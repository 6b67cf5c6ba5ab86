"""Korean analysis (``search.analysis``): what the database backend indexes and queries with."""

from search import analysis


def test_particles_and_compounds_reduce_to_the_same_morphemes():
    assert "주차장" in analysis.terms("주차장을")
    assert {"불법주정차", "단속"} <= set(analysis.terms("불법주정차를 단속합니다"))


def test_synonym_members_share_one_marker():
    markers = {t for t in analysis.terms("스마트 쉘터") if t.startswith(analysis.SYNONYM_PREFIX)}
    assert markers and markers <= set(analysis.terms("버스정류장 쉼터"))


def test_batch_analysis_equals_one_by_one():
    texts = ["과천시 불법주정차 단속", "", "   ", "Smart parking sensors", "미세 먼지와 PM2.5 측정", "㈜랩 스마트폴"]
    assert analysis.terms_many(texts) == [analysis.terms(text) for text in texts]


def test_a_hangul_word_without_content_morphemes_still_counts_through_its_bigrams():
    # Kiwi may read an unknown compound as interjection + adverbs; the word must still be searched for.
    words = analysis.parse_query("늘막그")
    assert len(words) == 1 and words[0].grams == ("늘막", "막그")


def test_punctuation_alone_is_no_word():
    assert analysis.parse_query("?! ... ~") == []
