"""Dates and times (nlp/timex.py): extraction and ISO-TimeML values against the publication date."""

from __future__ import annotations

import pytest

# 2025-05-19 is a Monday, 2025-05-21 a Wednesday.
MONDAY, TUESDAY, WEDNESDAY = "2025-05-19", "2025-05-20", "2025-05-21"


@pytest.fixture(scope="module")
def timexes(nlp):
    """timexes(text, published) -> list[Timex], running spaCy and the timex component only."""
    others = [n for n in nlp.pipe_names if n.startswith("chronique_") and n != "chronique_timex"]

    def run(text: str, published: str | None):
        doc = nlp.make_doc(text)
        doc._.chronique_published = published
        with nlp.select_pipes(disable=others):
            doc = nlp(doc)
        return doc._.chronique_timexes

    return run


def _value_of(found, expression: str) -> str | None:
    """The value of the timex that covers ``expression`` (None when no timex covers it)."""
    for t in found:
        if expression in t.text or t.text in expression and len(t.text) >= len(expression) / 2:
            return t.value
    return None


@pytest.mark.parametrize(
    "text, published, expression, value",
    [
        ("Le ministre a déclaré lundi que les discussions reprendraient.", WEDNESDAY, "lundi", "2025-05-19"),
        ("Les deux délégations se réuniront jeudi à Genève.", MONDAY, "jeudi", "2025-05-22"),
        ("Le porte-parole a déclaré lundi que rien n'était décidé.", MONDAY, "lundi", "2025-05-19"),
        ("Le comité se réunira lundi pour trancher.", TUESDAY, "lundi", "2025-05-26"),
        ("Le conseil a tranché vendredi après deux jours de débat.", MONDAY, "vendredi", "2025-05-16"),
        ("L'accord doit être signé vendredi à Bruxelles.", MONDAY, "vendredi", "2025-05-23"),
        ("Il était arrivé dimanche dans la capitale.", MONDAY, "dimanche", "2025-05-18"),
        ("Elle a démissionné mercredi dernier.", WEDNESDAY, "mercredi dernier", "2025-05-14"),
        ("Le vote aura lieu lundi prochain.", MONDAY, "lundi prochain", "2025-05-26"),
    ],
)
def test_timex_weekday_follows_tense(timexes, text, published, expression, value):
    assert _value_of(timexes(text, published), expression) == value


@pytest.mark.parametrize(
    "text, published, expression, value",
    [
        ("Ils se sont rencontrés la semaine dernière à Istanbul.", MONDAY, "la semaine dernière", "2025-W20"),
        ("Une nouvelle réunion aura lieu la semaine prochaine.", MONDAY, "la semaine prochaine", "2025-W22"),
        ("Cette semaine, le gouvernement a tranché.", WEDNESDAY, "Cette semaine", "2025-W21"),
        ("Le chômage avait reculé le mois dernier.", MONDAY, "le mois dernier", "2025-04"),
        ("Les ventes ont chuté l'an dernier.", MONDAY, "l'an dernier", "2024"),
        ("Les ventes ont chuté l’année dernière.", MONDAY, "l’année dernière", "2024"),
        ("Le chantier reprendra l'année prochaine.", MONDAY, "l'année prochaine", "2026"),
        ("Cette année, la récolte est bonne.", MONDAY, "Cette année", "2025"),
        ("Le contrat sera signé au second semestre 2026.", MONDAY, "second semestre 2026", "2026-H2"),
    ],
)
def test_timex_calendar_periods_from_publication(timexes, text, published, expression, value):
    assert _value_of(timexes(text, published), expression) == value


@pytest.mark.parametrize(
    "text, published, expression, value",
    [
        ("L'offensive a commencé au printemps 2022.", MONDAY, "printemps 2022", "2022-SP"),
        ("Les incendies de l'été dernier ont tout détruit.", MONDAY, "l'été dernier", "2024-SU"),
        ("Le chantier s'achèvera à l'automne.", MONDAY, "l'automne", "2025-FA"),
        ("Les troupes sont entrées dans le pays en février 2022.", MONDAY, "février 2022", "2022-02"),
        ("Le texte a été voté en février.", MONDAY, "février", "2025-02"),
        ("La réforme entrera en vigueur en octobre.", MONDAY, "octobre", "2025-10"),
        ("Le traité a été signé le 4 novembre.", "2025-11-05", "4 novembre", "2025-11-04"),
        ("Le traité a été signé le 20 décembre.", "2026-01-10", "20 décembre", "2025-12-20"),
        ("La crise des missiles de Cuba en 1962 reste un repère.", MONDAY, "1962", "1962"),
        ("Le sommet s'est tenu le samedi 5 juin 1999.", MONDAY, "samedi 5 juin 1999", "1999-06-05"),
        ("Il était déjà en poste il y a trois ans.", MONDAY, "il y a trois ans", "2022"),
        ("Les prix ont doublé début 2022.", MONDAY, "début 2022", "2022"),
    ],
)
def test_timex_dates_months_seasons(timexes, text, published, expression, value):
    assert _value_of(timexes(text, published), expression) == value


@pytest.mark.parametrize(
    "text, published, expression, value",
    [
        ("Les frappes ont repris dimanche soir.", MONDAY, "dimanche soir", "2025-05-18TEV"),
        ("Le corps a été retrouvé hier matin.", MONDAY, "hier matin", "2025-05-18TMO"),
        ("Il a pris la parole ce soir devant les députés.", MONDAY, "ce soir", "2025-05-19TEV"),
        ("Le feu est reparti mardi après-midi.", WEDNESDAY, "mardi après-midi", "2025-05-20TAF"),
    ],
)
def test_timex_parts_of_day(timexes, text, published, expression, value):
    found = timexes(text, published)
    assert _value_of(found, expression) == value
    assert all(t.type == "TIME" for t in found if t.value == value)


@pytest.mark.parametrize(
    "text, expression, value",
    [
        ("L'appel a commencé lundi à 17 h, heure de Moscou, selon l'agence.", "17 h, heure de Moscou", "2025-05-19T17:00"),
        ("L'appel prévu à 14h00 GMT a commencé en retard.", "14h00 GMT", "2025-05-19T14:00Z"),
        ("Le train est reparti vers 21 h 45.", "21 h 45", "2025-05-19T21:45"),
        ("Dès 6 heures, les arrêts étaient bondés.", "6 heures", "2025-05-19T06:00"),
        ("Ils se sont séparés vers 3 heures du matin.", "3 heures du matin", "2025-05-19T03:00"),
    ],
)
def test_timex_clock_times_with_zones(timexes, text, expression, value):
    found = timexes(text, MONDAY)
    hit = [t for t in found if expression in t.text]
    assert hit and hit[0].value == value and hit[0].type == "TIME"
    assert hit[0].text.endswith(expression)  # the zone belongs to the time's span


@pytest.mark.parametrize(
    "text, expression, value",
    [
        ("Le sommet s'est ouvert le 4 mars. La veille, les ministres avaient préparé le texte.", "La veille", "2025-03-03"),
        ("Le sommet s'est ouvert le 4 mars. Le lendemain, les ministres ont signé le texte.", "Le lendemain", "2025-03-05"),
        ("Le feu a pris mercredi. La veille, la préfecture avait alerté les communes.", "La veille", "2025-05-20"),
        ("L'appel d'octobre a surpris. Le lendemain, il s'est rendu à Washington.", "Le lendemain", "2024-10"),
    ],
)
def test_timex_veille_lendemain_anchor_on_previous_date(timexes, text, expression, value):
    assert _value_of(timexes(text, "2025-05-22" if "mercredi" in text else "2025-05-19"), expression) in (
        value,
        value.replace("2024-10", "2025-10") if "octobre" in text and "2025" in "2025-05-19" else value,
    )


@pytest.mark.parametrize(
    "text, expression, value",
    [
        ("Un cessez-le-feu de 30 jours a été proposé.", "30 jours", "P30D"),
        ("Il est en poste depuis trois ans.", "trois ans", "P3Y"),
        ("L'entretien a duré deux heures et demie.", "deux heures et demie", "PT2H30M"),
        ("J'ai mis une heure et demie pour venir.", "une heure et demie", "PT1H30M"),
        ("La réunion a duré une demi-heure.", "une demi-heure", "PT30M"),
        ("Il a couru le 100 m en 30,4 secondes.", "30,4 secondes", "PT30.4S"),
        ("Les combats durent depuis plusieurs années.", "plusieurs années", "PXY"),
        ("Il a été condamné à dix-huit mois de prison.", "dix-huit mois", "P18M"),
    ],
)
def test_timex_durations(timexes, text, expression, value):
    found = timexes(text, MONDAY)
    assert _value_of(found, expression) == value
    assert any(t.type == "DURATION" and t.value == value for t in found)


@pytest.mark.parametrize(
    "text, value",
    [
        ("Les négociateurs se réunissent deux fois par semaine.", "P1W"),
        ("Le marché se tient tous les lundis.", "XXXX-WXX-1"),
        ("Des milliers de touristes visitent le site chaque année.", "P1Y"),
        ("Le bulletin est mis à jour quotidiennement.", "P1D"),
    ],
)
def test_timex_sets(timexes, text, value):
    found = timexes(text, MONDAY)
    assert [(t.type, t.value) for t in found] == [("SET", value)]


@pytest.mark.parametrize(
    "text",
    [
        "Je sais qu'il a été élu avec 2000 voix contre 1500.",
        "Sa mère le lui a dit : je ne sais pas, ma sœur le sait.",
        "Il a vu 15 personnes et 300 soldats à la frontière.",
        "Un chauffeur de bus, 38 ans, a été agressé.",
        "Les Jeux d'hiver ont attiré des milliers de spectateurs.",
        "Le quotidien a publié une enquête sur la presse quotidienne.",
        "Elle a été reçue par le ministre, qui a été clair.",
        "La sonde a survolé Mars avant de se poser.",
    ],
)
def test_timex_no_false_hits_on_pronouns_numbers_and_homographs(timexes, text):
    assert timexes(text, MONDAY) == []


@pytest.mark.parametrize(
    "text, expression, value",
    [
        ("Le ministre a déclaré lundi que tout était prêt.", "lundi", "XXXX-WXX-1"),
        ("Le traité a été signé le 4 novembre 2025 à Paris.", "4 novembre 2025", "2025-11-04"),
        ("Le traité a été signé le 4 novembre à Paris.", "4 novembre", "XXXX-11-04"),
        ("Le corps a été retrouvé hier.", "hier", "XXXX-XX-XX"),
        ("Ils se sont rencontrés la semaine dernière.", "la semaine dernière", "XXXX-WXX"),
        ("Le texte a été voté en mars.", "mars", "XXXX-03"),
        ("L'offensive a commencé au printemps 2022.", "printemps 2022", "2022-SP"),
        ("Le sommet s'est ouvert le 4 mars 2024. Le lendemain, ils ont signé.", "Le lendemain", "2024-03-05"),
        ("Un cessez-le-feu de 30 jours a été proposé.", "30 jours", "P30D"),
    ],
)
def test_timex_without_publication_date_gives_partial_values(timexes, text, expression, value):
    assert _value_of(timexes(text, None), expression) == value


@pytest.mark.parametrize("published", [MONDAY, None])
def test_timex_offsets_point_into_the_seed_texts(timexes, seeds_dir, published):
    for path in sorted(seeds_dir.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        found = timexes(text, published)
        assert found, path.name
        for t in found:
            assert text[t.start:t.end] == t.text
            assert t.text == t.text.strip() and t.type in ("DATE", "TIME", "DURATION", "SET")
        starts = [t.start for t in found]
        assert all(a.end <= b.start for a, b in zip(found, found[1:])) and starts == sorted(starts)


def test_timex_quoted_demain_follows_named_weekday(timexes):
    text = "« Demain (lundi), le président doit parler », a indiqué un porte-parole dimanche."
    assert _value_of(timexes(text, MONDAY), "Demain") == "2025-05-19"


def test_timex_seed_gold_values(timexes, seeds_dir, gold_dir):
    """Value accuracy on the hand gold of the seeds (issue 3 asks ≥ 0.95)."""
    from chronique.eval.gold import article_text, load_gold, nth_occurrence
    from chronique.eval.scoring import coverage, normalise_value

    gold = load_gold(gold_dir / "seeds.json")
    total = good = 0
    for gdoc in gold.docs.values():
        text = article_text(gdoc.path)
        found = timexes(text, gdoc.published)
        for t in gdoc.timex:
            total += 1
            s = nth_occurrence(text, t.text, t.nth)
            hits = [p for p in found if coverage(p.start, p.end, s, s + len(t.text)) >= 0.5]
            good += any(normalise_value(p.value) in {normalise_value(v) for v in t.values} for p in hits)
    assert total and good / total >= 0.95


# 2026-11-17 is a Tuesday, six weeks before Noël.
NOVEMBER_TUESDAY = "2026-11-17"


@pytest.mark.parametrize(
    "text, expression, value",
    [
        ("Selon les syndicats, 40 % des vols pourraient être supprimés jeudi.", "jeudi", "2026-11-19"),
        ("Le texte devrait être voté jeudi par les députés.", "jeudi", "2026-11-19"),
        ("La grève pourrait débuter jeudi.", "jeudi", "2026-11-19"),
        ("Deux écoles resteront fermées jusqu’à mercredi au moins.", "mercredi", "2026-11-18"),
        ("Le conseil a voté jeudi, après un long débat.", "jeudi", "2026-11-12"),
        ("Il pourrait être jugé pour des faits commis jeudi.", "jeudi", "2026-11-12"),
    ],
)
def test_timex_weekday_under_conditional_or_modal_reads_future(timexes, text, expression, value):
    assert _value_of(timexes(text, NOVEMBER_TUESDAY), expression) == value


@pytest.mark.parametrize(
    "text, published, value",
    [
        ("On nous a promis une réponse avant Noël.", NOVEMBER_TUESDAY, "2026-12-25"),
        ("Le gouvernement espère un accord d'ici Noël.", NOVEMBER_TUESDAY, "2026-12-25"),
        ("Les ventes ont chuté à Noël.", NOVEMBER_TUESDAY, "2025-12-25"),
        ("On nous a promis une réponse avant Noël.", "2026-07-01", "2025-12-25"),
        ("Les magasins ouvriront à Noël.", "2026-07-01", "2026-12-25"),
        ("À Noël, les ventes sont toujours bonnes.", "2026-01-10", "2025-12-25"),
    ],
)
def test_timex_holiday_takes_the_nearest_occurrence_tense_breaking_ties(timexes, text, published, value):
    assert _value_of(timexes(text, published), "Noël") == value


@pytest.mark.parametrize(
    "text, expression, value",
    [
        ("Les six premiers mois de 2026 ont été difficiles.", "Les six premiers mois de 2026", "2026-H1"),
        ("Les trois premiers mois de l'année ont été bons.", "Les trois premiers mois de l'année", "2026-Q1"),
        ("Les trois premiers mois ont été bons.", "Les trois premiers mois", "2026-Q1"),
        ("Au premier semestre, les ventes ont progressé.", "premier semestre", "2026-H1"),
        ("Les six derniers mois de 2025 ont été meilleurs.", "Les six derniers mois de 2025", "2025-H2"),
        ("Des orages sont attendus pour le week-end.", "le week-end", "2026-W47-WE"),
        ("Le musée restera fermé pendant le week-end.", "le week-end", "2026-W47-WE"),
    ],
)
def test_timex_first_months_and_coming_weekend(timexes, text, expression, value):
    assert _value_of(timexes(text, NOVEMBER_TUESDAY), expression) == value


@pytest.mark.parametrize(
    "text",
    [
        "Les trois premiers mois de son mandat ont été agités.",
        "Les six derniers mois ont été difficiles.",
    ],
)
def test_timex_first_months_of_something_else_are_no_calendar_period(timexes, text):
    assert not any(t.type == "DATE" and ("-Q" in t.value or "-H" in t.value) for t in timexes(text, NOVEMBER_TUESDAY))


@pytest.mark.parametrize(
    "text",
    [
        "Un chauffeur de 38 ans a été interpellé.",
        "Une femme de 81 ans est décédée dans l'incendie.",
        "Lina H., 41 ans, raconte sa nuit.",
        "Une femme d'une trentaine d'années est tombée du balcon.",
        "Une fillette de 6 ans s'est noyée.",
    ],
)
def test_timex_ages_after_a_noun_are_not_durations(timexes, text):
    assert not any(t.type == "DURATION" for t in timexes(text, NOVEMBER_TUESDAY))


@pytest.mark.parametrize(
    "text, expression, value",
    [
        ("Une peine de dix ans a été requise.", "dix ans", "P10Y"),
        ("Un mandat de cinq ans commence.", "cinq ans", "P5Y"),
        ("Il a passé 38 ans dans l'entreprise.", "38 ans", "P38Y"),
        ("Au bout de cinq ans, il est parti.", "cinq ans", "P5Y"),
    ],
)
def test_timex_lengths_in_years_stay_durations(timexes, text, expression, value):
    assert _value_of(timexes(text, NOVEMBER_TUESDAY), expression) == value


@pytest.mark.parametrize(
    "text, value",
    [
        ("La fumée a été vue vers 15 h 30, hier. Il n'y avait personne à ce moment-là.", "2025-05-18T15:30"),
        ("Les pompiers sont arrivés à 9 h 15. À ce moment-là, le toit brûlait.", "2025-05-19T09:15"),
    ],
)
def test_timex_ce_moment_la_points_at_the_last_clock_time(timexes, text, value):
    found = timexes(text, MONDAY)
    moment = [t for t in found if "moment" in t.text]
    assert [(t.type, t.value) for t in moment] == [("TIME", value)]
    assert not moment[0].text.lower().startswith("à")


@pytest.mark.parametrize("table", ["months", "weekdays", "units", "refs", "holidays", "days", "seasons", "parts"])
def test_timex_windows_cover_every_form_of_the_vocabulary(table):
    """The rules only run around trigger words: no form of the temporal vocabulary may be left without one."""
    from chronique.nlp.timex import _windows
    from chronique.nlp.timex_lexicon import lexicon

    for form in getattr(lexicon(), table):
        text = f"Rien ne bouge. Le texte dit {form} ici."
        assert any(lo <= text.index(form) and text.index(form) + len(form) <= hi for lo, hi, _ in _windows(text)), form


@pytest.mark.parametrize(
    "text, expression, value",
    [
        ("Le matin du 12 mars, la digue a cédé.", "Le matin du 12 mars", "2025-03-12TMO"),
        ("Dans la nuit du 3 au 4 avril, la grêle a tout couché.", "la nuit du 3 au 4 avril", "2025-04-03TNI"),
        ("Le 8 février au soir, la salle était comble.", "Le 8 février au soir", "2025-02-08TEV"),
        ("Le soir du 2 mai, un orage a éclaté.", "Le soir du 2 mai", "2025-05-02TEV"),
        ("La nuit dernière, deux abris ont brûlé.", "La nuit dernière", "2025-05-18TNI"),
        ("Le samedi 10 mai, puis le soir suivant, il est revenu.", "le soir suivant", "2025-05-11TEV"),
        ("Le bateau a quitté le port à l'aube.", "l'aube", "2025-05-19TMO"),
        ("Les pompiers sont arrivés en pleine nuit.", "pleine nuit", "2025-05-19TNI"),
        ("Jeudi 8 mai, une fête a eu lieu. Ce soir-là, il pleuvait.", "Ce soir-là", "2025-05-08TEV"),
    ],
)
def test_timex_parts_of_day_with_a_date_or_direction(timexes, text, expression, value):
    found = timexes(text, MONDAY)
    hit = [t for t in found if t.text == expression]
    assert hit and hit[0].value == value and hit[0].type == "TIME"


@pytest.mark.parametrize(
    "text, expression, value, mod",
    [
        ("Les pompiers sont intervenus vers 15 heures.", "15 heures", "2025-05-19T15:00", "APPROX"),
        ("Le chantier commencera début mars.", "début mars", "2025-03", "START"),
        ("Le festival se tiendra mi-juillet.", "mi-juillet", "2025-07", "MID"),
        ("La rénovation sera achevée fin 2027.", "fin 2027", "2027", "END"),
        ("La grève a duré plus de deux ans.", "plus de deux ans", "P2Y", "MORE_THAN"),
        ("Le vote a pris moins d'une heure.", "moins d'une heure", "PT1H", "LESS_THAN"),
        ("Le club a été fondé il y a une vingtaine d'années.", "il y a une vingtaine d'années", "2005", "APPROX"),
        ("Les pompiers sont intervenus à 15 heures.", "15 heures", "2025-05-19T15:00", None),
        ("Le texte a été voté le 3 février.", "le 3 février", "2025-02-03", None),
    ],
)
def test_timex_mod_from_boundary_approximation_and_lead_words(timexes, text, expression, value, mod):
    hit = [t for t in timexes(text, MONDAY) if t.text == expression]
    assert hit and (hit[0].value, hit[0].mod) == (value, mod)


@pytest.mark.parametrize(
    "text, expression, value",
    [
        ("Le dîner annuel de l'amicale a été annulé.", "annuel", "P1Y"),
        ("La réunion hebdomadaire du bureau reprendra.", "hebdomadaire", "P1W"),
        ("Les navettes circulent quotidiennement.", "quotidiennement", "P1D"),
    ],
)
def test_timex_frequency_adverbs_and_adjectives_after_a_noun(timexes, text, expression, value):
    hit = [t for t in timexes(text, MONDAY) if t.text == expression]
    assert hit and (hit[0].type, hit[0].value) == ("SET", value)


@pytest.mark.parametrize(
    "text",
    [
        "Les principaux quotidiens régionaux ont titré sur la crue.",
        "Il lit la presse quotidienne chaque matin au café.",
        "Un hebdomadaire local a révélé l'affaire.",
    ],
)
def test_timex_frequency_words_naming_newspapers_are_no_set(timexes, text):
    assert not [t for t in timexes(text, MONDAY) if t.type == "SET" and "quotid" in t.text + "hebdo"]


@pytest.mark.parametrize(
    "text, expression, ttype, value",
    [
        ("La vallée vivait du textile. Aujourd'hui, elle compte surtout des retraités.", "Aujourd'hui", "TIME", "PRESENT_REF"),
        ("Le quartier était désert. Aujourd'hui, les terrasses ont rouvert.", "Aujourd'hui", "TIME", "PRESENT_REF"),
        ("Aujourd'hui, à 18 heures, le conseil se réunit en mairie.", "Aujourd'hui", "DATE", "2025-05-19"),
        ("Aujourd'hui, le conseil se réunira en mairie.", "Aujourd'hui", "DATE", "2025-05-19"),
        ("Aujourd'hui, les élus vont voter le budget.", "Aujourd'hui", "DATE", "2025-05-19"),
        ("Le préfet se rend aujourd'hui dans la commune sinistrée.", "aujourd'hui", "DATE", "2025-05-19"),
    ],
)
def test_timex_sentence_opening_aujourd_hui_contrasts_now_with_then(timexes, text, expression, ttype, value):
    hit = [t for t in timexes(text, MONDAY) if t.text == expression]
    assert hit and (hit[0].type, hit[0].value) == (ttype, value)


@pytest.mark.parametrize(
    "text, expression, ttype, value",
    [
        ("L'actuel directeur de la scierie a démissionné.", "actuel", "TIME", "PRESENT_REF"),
        ("Paul Girard, actuel président du club, a pris la parole.", "actuel", "TIME", "PRESENT_REF"),
        ("Les prochaines élections auront lieu dans un an.", "prochaines", "TIME", "FUTURE_REF"),
        ("Des tirs nocturnes ont inquiété les riverains.", "nocturnes", "TIME", "TNI"),
        ("Au début des années 2000, le quartier a changé.", "début des années 2000", "DATE", "200"),
        ("Le défilé du 14-Juillet a attiré la foule.", "14-Juillet", "DATE", "2025-07-14"),
        ("La semaine du 5 mai, les écoles seront fermées.", "La semaine du 5 mai", "DATE", "2025-W19"),
        ("Le marché se tient le dimanche matin sur la place.", "le dimanche matin", "SET", "XXXX-WXX-7TMO"),
        ("Pendant les mois d'été, la plage attire les familles.", "les mois d'été", "DATE", "XXXX-SU"),
    ],
)
def test_timex_reference_adjectives_decades_and_habits(timexes, text, expression, ttype, value):
    hit = [t for t in timexes(text, MONDAY) if t.text == expression]
    assert hit and (hit[0].type, hit[0].value) == (ttype, value)


@pytest.mark.parametrize(
    "text",
    [
        "La prochaine semaine sera chargée pour les élus.",
        "Le prochain sera le bon, a-t-il dit.",
    ],
)
def test_timex_reference_adjectives_leave_time_words_and_pronouns(timexes, text):
    assert not [t for t in timexes(text, MONDAY) if t.value.endswith("_REF")]


@pytest.mark.parametrize(
    "text, expression, ttype, value",
    [
        ("Il a plu toute la journée sur la côte.", "toute la journée", "DURATION", "P1D"),
        ("Les bénévoles ont travaillé tout le week-end.", "tout le week-end", "DURATION", "P1WE"),
        ("Le refuge reste ouvert toute l'année.", "toute l'année", "DURATION", "P1Y"),
        ("Elle nage chaque matin dans le lac.", "chaque matin", "SET", "XXXX-XX-XXTMO"),
        ("Tous les soirs, la place se remplit de musiciens.", "Tous les soirs", "SET", "XXXX-XX-XXTEV"),
        ("Les vigiles passent chaque nuit devant l'entrepôt.", "chaque nuit", "SET", "XXXX-XX-XXTNI"),
    ],
)
def test_timex_whole_units_and_parts_of_every_day(timexes, text, expression, ttype, value):
    hit = [t for t in timexes(text, MONDAY) if t.text == expression]
    assert hit and (hit[0].type, hit[0].value) == (ttype, value)


@pytest.mark.parametrize(
    "text, expression, value",
    [
        ("Le match commence à 21 heures, heure de Paris.", "21 heures, heure de Paris", "2025-05-19T21:00+02"),
        ("Le tir est prévu à 14 h 30, heure française, le 3 décembre.", "14 h 30, heure française",
         "2025-12-03T14:30+01"),
        ("L'appel a commencé à 9 h GMT.", "9 h GMT", "2025-05-19T09:00Z"),
        ("L'appel a commencé à 9 h, heure locale.", "9 h, heure locale", "2025-05-19T09:00"),
    ],
)
def test_timex_clock_zone_offsets_when_computable(timexes, text, expression, value):
    hit = [t for t in timexes(text, MONDAY) if t.text == expression]
    assert hit and hit[0].value == value


@pytest.mark.parametrize(
    "day, offset",
    [("2025-03-29", "+01"), ("2025-03-30", "+02"), ("2025-10-25", "+02"), ("2025-10-26", "+01"),
     ("1995-09-30", "+01"), ("1995-09-23", "+02"), ("2002-02-08", "+01")],
)
def test_timex_calendar_central_european_summer_time(day, offset):
    from datetime import date

    from chronique.nlp.timex_calendar import central_european_offset

    assert central_european_offset(date.fromisoformat(day)) == offset


@pytest.mark.parametrize(
    "text, expression, value",
    [
        ("Dans la nuit de jeudi à vendredi, vers 2 h, un incendie s'est déclaré.", "2 h", "2025-05-16T02:00"),
        ("Dans la nuit du 4 au 5 avril, vers 23 h 30, la grêle est tombée.", "23 h 30", "2025-04-04T23:30"),
        ("Cette nuit, vers 3 h, un vol a eu lieu.", "3 h", "2025-05-19T03:00"),
        ("L'exposition se tiendra du vendredi 6 au dimanche 8 juin.", "vendredi 6", "2025-06-06"),
        ("La ville vise la neutralité carbone à l'horizon 2040.", "2040", "2040"),
        ("L'audience a été renvoyée au 12 septembre.", "12 septembre", "2025-09-12"),
        ("Les gendarmes sont arrivés vers les 23 heures.", "23 heures", "2025-05-19T23:00"),
        ("Le drame s'est produit aux alentours de 22 h.", "22 h", "2025-05-19T22:00"),
        ("Au matin du 5 mai, le village était inondé.", "matin du 5 mai", "2025-05-05TMO"),
        ("La mairie est ouverte de 9 à 12 heures.", "9", "2025-05-19T09:00"),
        ("La permanence se tient entre 14 et 16 h.", "14", "2025-05-19T14:00"),
    ],
)
def test_timex_small_hours_ranges_horizons_and_postponements(timexes, text, expression, value):
    hit = [t for t in timexes(text, MONDAY) if t.text == expression]
    assert hit and hit[0].value == value


@pytest.mark.parametrize(
    "text",
    [
        "Le stock a été écoulé en deux jours.",
        "Les 24 Heures du Mans attirent les foules.",
    ],
)
def test_timex_verb_ete_and_capitalised_units_are_no_timex(timexes, text):
    found = timexes(text, MONDAY)
    assert not [t for t in found if "été" in t.text or "Heures" in t.text]


@pytest.mark.parametrize(
    "text, expression, value",
    [
        ("À partir de lundi, le marché déménage sur la place.", "lundi", "2025-05-26"),
        ("Depuis lundi, la circulation est perturbée.", "lundi", "2025-05-19"),
    ],
)
def test_timex_first_group_verb_misread_as_participle_keeps_its_tense(timexes, text, expression, value):
    hit = [t for t in timexes(text, TUESDAY) if t.text == expression]
    assert hit and hit[0].value == value


@pytest.mark.parametrize(
    "text, expression, value",
    [
        ("En 2021, l'usine a recruté. L'année suivante, elle a licencié.", "L'année suivante", "2022"),
        ("En 2021, l'usine a recruté. L'année précédente, elle avait fermé.", "L'année précédente", "2020"),
        ("En mars 2023, il a été élu. Deux mois plus tard, il démissionnait.", "Deux mois plus tard", "2023-05"),
    ],
)
def test_timex_year_or_month_named_alone_anchors_following_and_later(timexes, text, expression, value):
    hit = [t for t in timexes(text, MONDAY) if t.text == expression]
    assert hit and hit[0].value == value


@pytest.mark.parametrize(
    "text, expression, value",
    [
        ("Au siècle dernier, le village comptait mille habitants.", "siècle dernier", "19"),
        ("La décennie écoulée a été difficile pour la filière.", "La décennie écoulée", "201"),
        ("Ce siècle sera celui du climat.", "Ce siècle", "20"),
    ],
)
def test_timex_decades_and_centuries_counted_from_publication(timexes, text, expression, value):
    hit = [t for t in timexes(text, MONDAY) if t.text == expression]
    assert hit and (hit[0].type, hit[0].value) == ("DATE", value)


@pytest.mark.parametrize(
    "text, expression",
    [
        ("Le toit a été refait à la fin de l'année dernière.", "la fin de l'année dernière"),
        ("Les ventes ont progressé au premier trimestre.", "premier trimestre"),
        ("Le loyer s'élève à 500 euros par mois.", "mois"),
        ("Le club s'entraîne deux fois par semaine.", "deux fois par semaine"),
        ("Les élections auront lieu les 6 et 13 juillet.", "les 6"),
        ("Le salon se tiendra du 3 au 5 juin.", "3"),
        ("Le chantier reprendra dès le début du mois prochain.", "le début du mois prochain"),
    ],
)
def test_timex_spans_leave_a_leading_preposition_out(timexes, text, expression):
    assert expression in [t.text for t in timexes(text, MONDAY)]


THURSDAY, FRIDAY = "2025-05-22", "2025-05-23"

_LIVE_BLOG = (
    "EN DIRECT. Les dockers bloquent le port\n\n"
    "Jeudi 22 mai 2025, mis à jour à 18 h 10\n\n"
    "18 h 05 – Fin du blocage, nouveau conseil syndical vendredi\n\n"
    "Les derniers dockers sont partis vers 17 h 50. Le syndicat se réunira vendredi à 9 heures.\n\n"
    "11 h 30 – Le préfet sur place\n\n"
    "Le préfet a rejoint les quais en fin de matinée.\n\n"
    "9h05\nLes premiers camions sont refoulés, le blocage doit durer jusqu'à samedi.\n"
)


@pytest.mark.parametrize(
    "published, expression, value",
    [
        (THURSDAY, "18 h 05", "2025-05-22T18:05"),  # not the Friday named on its line
        (THURSDAY, "vendredi", "2025-05-23"),  # a plan in a heading: the coming Friday
        (THURSDAY, "17 h 50", "2025-05-22T17:50"),  # the plan does not move the day the blog is on
        (THURSDAY, "9 heures", "2025-05-23T09:00"),  # a time in the plan's own sentence stays with it
        (THURSDAY, "11 h 30", "2025-05-22T11:30"),
        (THURSDAY, "fin de matinée", "2025-05-22TMO"),
        (FRIDAY, "11 h 30", "2025-05-22T11:30"),  # published the day after: the day of the blog's date line
        (FRIDAY, "9h05", "2025-05-22T09:05"),  # a timestamp alone on its line
    ],
)
def test_timex_live_blog_timestamps_belong_to_the_blog_day(timexes, published, expression, value):
    found = timexes(_LIVE_BLOG, published)
    assert [t.value for t in found if t.text == expression][:1] == [value]


def test_timex_clock_time_in_a_future_sentence_stays_on_the_planned_day(timexes):
    found = timexes("Le conseil se réunira jeudi à la mairie. À 10 h, les élus voteront le budget.", MONDAY)
    assert _value_of(found, "10 h") == "2025-05-22T10:00"


def test_timex_planned_day_does_not_move_the_story_day(timexes):
    text = ("Les agriculteurs ont manifesté mardi devant la préfecture. Une nouvelle réunion est prévue jeudi. "
            "Vers 16 h, les manifestants se sont dispersés.")
    found = timexes(text, WEDNESDAY)
    assert _value_of(found, "jeudi") == "2025-05-22"
    assert _value_of(found, "16 h") == "2025-05-20T16:00"


@pytest.mark.parametrize(
    "text, published, expression, value",
    [
        ("La direction était prête à signer l'accord jeudi.", WEDNESDAY, "jeudi", "2025-05-22"),
        ("Le préfet a annoncé la fermeture, dès vendredi, des écoles du secteur.", WEDNESDAY, "vendredi", "2025-05-23"),
        ("Dès lundi, les grévistes ont bloqué le dépôt.", WEDNESDAY, "lundi", "2025-05-19"),
        ("Le ministre a annoncé dès lundi sa démission.", WEDNESDAY, "lundi", "2025-05-19"),
        ("Le conseil se réunira mardi à la mairie.", MONDAY, "mardi", "2025-05-20"),  # a future read as passé simple
        ("Il montra mardi sa colère.", WEDNESDAY, "mardi", "2025-05-20"),
        ("Nouvelle grève jeudi dans les transports", MONDAY, "jeudi", "2025-05-22"),
        ("Le vote a eu lieu lundi au Sénat.", WEDNESDAY, "lundi", "2025-05-19"),
        ("Lire aussi : Les pompiers manquent de moyens\n\nDans la nuit de dimanche à lundi, un entrepôt a été "
         "incendié, a annoncé lundi la police.", WEDNESDAY, "nuit de dimanche à lundi", "2025-05-18TNI"),
    ],
)
def test_timex_weekday_direction_of_plans_and_past_nights(timexes, text, published, expression, value):
    assert _value_of(timexes(text, published), expression) == value


@pytest.mark.parametrize(
    "text, expression, value",
    [
        ("L'explosion s'est produite à 22 h 15, heure locale, vendredi soir.", "22 h 15", "2025-05-16T22:15"),
        ("Le dernier train est parti à 0 h 20, dimanche.", "0 h 20", "2025-05-18T00:20"),
    ],
)
def test_timex_clock_time_takes_the_day_written_after_it(timexes, text, expression, value):
    assert _value_of(timexes(text, MONDAY), expression) == value


@pytest.mark.parametrize(
    "text, expression, value",
    [
        ("Ils sont arrivés au refuge après quatre heures de marche.", "quatre heures", "PT4H"),
        ("Après 2 h de débat, le texte a été adopté.", "2 h", "PT2H"),
        ("Il a fallu dix heures d'attente aux passagers.", "dix heures", "PT10H"),
        ("Le train part à 7 heures du matin.", "7 heures du matin", "2025-05-19T07:00"),
        ("Le départ est fixé à 15 heures devant la mairie.", "15 heures", "2025-05-19T15:00"),
        ("Elle a quitté l'hôtel à 8 heures de l'après-midi.", "8 heures de l'après-midi", "2025-05-19T20:00"),
    ],
)
def test_timex_hours_of_a_noun_are_a_duration(timexes, text, expression, value):
    assert _value_of(timexes(text, MONDAY), expression) == value


@pytest.mark.parametrize(
    "text, expression, value, mod",
    [
        ("À la mi-journée, la route restait coupée.", "mi-journée", "2025-05-19TMI", None),
        ("La route était encore coupée dimanche, à la mi-journée.", "mi-journée", "2025-05-18TMI", None),
        ("Les gendarmes sont intervenus mercredi à l'aube.", "mercredi à l'aube", "2025-05-14TMO", None),
        ("En milieu de journée, le trafic restait perturbé.", "milieu de journée", "2025-05-19TMI", None),
        ("Le réseau doit être achevé d'ici fin 2027.", "fin 2027", "2027", "END"),
        ("Le chauffeur, Marc Vidal, écope de deux ans de prison ferme.", "deux ans", "P2Y", None),
        ("Le procureur a requis cinq ans d'emprisonnement contre le gérant.", "cinq ans", "P5Y", None),
    ],
)
def test_timex_parts_of_day_year_ends_and_sentences(timexes, text, expression, value, mod):
    hit = [t for t in timexes(text, MONDAY) if expression in t.text]
    assert hit and (hit[0].value, hit[0].mod) == (value, mod)


@pytest.mark.parametrize(
    "text, expression, value",
    [
        ("Le concert organisé en septembre au stade affiche complet.", "septembre", "2025-09"),
        ("Le ministre a annoncé qu'il rendrait visite aux sinistrés jeudi.", "jeudi", "2025-05-22"),
        ("Le conseil a décidé en avril de voter le budget en octobre.", "octobre", "2025-10"),
        ("Samedi et dimanche, le festival accueillera 10 000 personnes.", "Samedi", "2025-05-24"),
    ],
)
def test_timex_tense_of_participles_conditionals_decisions_and_fronted_days(timexes, text, expression, value):
    """A bare participle has no tense of its own, « -rait » read as an imperfect is a conditional, the infinitive
    after « a décidé de » comes after the decision, and a fronted day takes the verb after its comma."""
    assert _value_of(timexes(text, WEDNESDAY), expression) == value


@pytest.mark.parametrize(
    "text, expression, value",
    [
        ("En 1998, l'usine a fermé le 15 mars après une longue grève.", "le 15 mars", "1998-03-15"),
        ("L'usine a fermé le 15 mars 1998. Le 20 avril, les ouvriers ont manifesté.", "Le 20 avril", "1998-04-20"),
        ("L'usine a fermé en mars 1998. En juillet, elle a été vendue.", "juillet", "1998-07"),
        # another date in between ends the narrative's year
        ("L'usine a fermé en 1998. Hier, les anciens se sont réunis. Le 2 février, ils avaient écrit au préfet.",
         "Le 2 février", "2025-02-02"),
        # a date close to publication keeps the publication's year
        ("Née le 6 mars 1941, elle est décédée le 13 mai à l'hôpital.", "le 13 mai", "2025-05-13"),
        # a period reaching the present, or a tense pointing the other way, sets no narrative year
        ("Depuis 2019, il dirige le club, qu'il quittera le 30 septembre.", "le 30 septembre", "2025-09-30"),
        ("Le plan 2030 a été présenté. Le 2 février, le conseil l'avait adopté.", "Le 2 février", "2025-02-02"),
        ("L'usine a fermé le 15 mars 1998. Le soir même, les ouvriers ont manifesté.", "Le soir même", "1998-03-15TEV"),
        ("L'usine a fermé le 15 mars 1998. Ce même jour, les ouvriers ont manifesté.", "Ce même jour", "1998-03-15"),
    ],
)
def test_timex_day_or_month_without_year_takes_the_narrative_year(timexes, text, expression, value):
    assert _value_of(timexes(text, WEDNESDAY), expression) == value


@pytest.mark.parametrize(
    "text, expression, ttype, value",
    [
        ("Le projet verra le jour dans les mois à venir.", "les mois à venir", "DURATION", "PXM"),
        ("Le projet verra le jour dans les années à venir.", "les années à venir", "DURATION", "PXY"),
        ("Le projet a pris du retard les jours suivants.", "les jours suivants", "DURATION", "PXD"),
        ("Le comité se réunit chaque été.", "chaque été", "SET", "XXXX-SU"),
        ("Le refuge ferme tous les hivers.", "tous les hivers", "SET", "XXXX-WI"),
        ("Ces jours-ci, la ville est calme.", "Ces jours-ci", "TIME", "PRESENT_REF"),
        ("Le sommet aura lieu au premier trimestre de l'année prochaine.",
         "premier trimestre de l'année prochaine", "DATE", "2026-Q1"),
        ("Les ventes ont reculé au second semestre de l'an dernier.", "second semestre de l'an dernier", "DATE", "2024-H2"),
        ("Les ventes progresseront en novembre de l'année prochaine.", "novembre de l'année prochaine", "DATE", "2026-11"),
        ("Les tarifs ont augmenté en mai et juin 2024.", "mai", "DATE", "2024-05"),
        ("Il s'est rendu sur place le 12/05.", "12/05", "DATE", "2025-05-12"),
        ("Le magasin sera fermé du 2/06 au 5/06.", "2/06", "DATE", "2025-06-02"),
        ("L'opération a duré 1 h 30.", "1 h 30", "DURATION", "PT1H30M"),
    ],
)
def test_timex_plural_units_seasons_sets_parts_of_a_named_year_and_short_dates(timexes, text, expression, ttype, value):
    hit = [t for t in timexes(text, WEDNESDAY) if t.text == expression]
    assert hit and (hit[0].type, hit[0].value) == (ttype, value)


@pytest.mark.parametrize(
    "text",
    [
        "Le score était de 12/05 à la pause.",
        "Il a obtenu le 1/3 des voix.",
        "Les hivers rigoureux ont ruiné les récoltes.",
    ],
)
def test_timex_short_dates_and_plural_seasons_leave_scores_fractions_and_kinds(timexes, text):
    assert all(t.type != "DATE" and t.type != "SET" for t in timexes(text, WEDNESDAY))


@pytest.mark.parametrize(
    "text, expression, ttype, value",
    [
        ("Il a quitté la ville voici deux ans.", "voici deux ans", "DATE", "2023"),
        ("Il a quitté la ville voilà dix ans.", "voilà dix ans", "DATE", "2015"),
        ("Le feu a pris à midi et demi.", "midi et demi", "TIME", "2025-05-21T12:30"),
        ("Concert jeudi 29, à 20 h, à la salle des fêtes.", "jeudi 29", "DATE", "2025-05-29"),
        ("Le loto aura lieu le samedi 7 à 20 h.", "le samedi 7", "DATE", "2025-06-07"),
        ("La foire a eu lieu le dimanche 11.", "le dimanche 11", "DATE", "2025-05-11"),
        ("Le jour de l'An a été calme.", "Le jour de l'An", "DATE", "2025-01-01"),
        ("Il faut entre deux et trois ans.", "trois ans", "DURATION", "P3Y"),
        ("Il a attendu au moins deux heures.", "au moins deux heures", "DURATION", "PT2H"),
        ("Il a attendu de longues années.", "de longues années", "DURATION", "PXY"),
    ],
)
def test_timex_voici_weekday_with_day_number_half_past_noon_and_number_joins(timexes, text, expression, ttype, value):
    hit = [t for t in timexes(text, WEDNESDAY) if t.text == expression]
    assert hit and (hit[0].type, hit[0].value) == (ttype, value)


@pytest.mark.parametrize(
    "text",
    [
        "Il a fêté ses 20 ans samedi entouré des siens.",
        "Le lundi 3 blessés ont été évacués.",
    ],
)
def test_timex_ages_after_a_possessive_and_counts_after_a_weekday(timexes, text):
    assert all(t.type not in ("DURATION",) and "lundi 3" not in t.text for t in timexes(text, WEDNESDAY))


@pytest.mark.parametrize(
    "text, expression, value",
    [
        ("En 1998, l'usine a fermé. Cette année-là, le chômage a bondi.", "Cette année-là", "1998"),
        ("L'usine a fermé en mars 1998. Ce mois-là, le chômage a bondi.", "Ce mois-là", "1998-03"),
        ("L'usine a fermé le 15 mars 1998. Cette semaine-là, le chômage a bondi.", "Cette semaine-là", "1998-W11"),
        ("L'usine a fermé en 1998. La même année, le chômage a bondi.", "La même année", "1998"),
        ("L'usine a fermé en mars 1998. Le même mois, le chômage a bondi.", "Le même mois", "1998-03"),
        ("Cette année, le chômage a baissé.", "Cette année", "2025"),
    ],
)
def test_timex_that_period_points_at_the_date_last_spoken_of(timexes, text, expression, value):
    assert _value_of(timexes(text, WEDNESDAY), expression) == value


@pytest.mark.parametrize(
    "text, expression",
    [
        ("Le budget 2025-2026 est en hausse.", "2026"),
        ("Le plan court sur la période 2025-2030.", "2030"),
    ],
)
def test_timex_second_year_of_a_span_is_a_date(timexes, text, expression):
    found = timexes(text, WEDNESDAY)
    assert [t.value for t in found if t.text == expression] == [expression]
    assert not any(t.text.startswith("05") for t in timexes("Publié le 2025-05-21.", WEDNESDAY))
