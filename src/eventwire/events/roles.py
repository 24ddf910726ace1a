"""Who did what to whom: actor1 (the agent), actor2 (the target) and assoc_actor_1 of an event.

Roles come from the dependency parse, not from the order of mention:

- agent: the active subject ("X attacked Y"), the "by" phrase of a passive ("Y was attacked
  by X"), the possessor or modifier of an event noun ("X's offensive", "an Israeli strike");
- target: the object, the passive subject, "on"/"against" phrases;
- frames that invert the subject: "Y came under fire from X", "Y repelled an attack by X";
- an actor conjoined with the agent ("X and Y stormed the town") is its associate.

Generic actors ("gunmen", "protesters", the article's default state forces) take the
country of the event's place, falling back to the article's country; a country fixed by
the text ("Peruvian police", "Civilians (Chad)") is kept.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..actors.dictionary import NON_STATE_ARMED, ActorDictionary, _label_key
from ..models import Actor
from .agency import conjoined, enters, relation, roles_by_syntax, subjectless
from .agreements import agreement_parties
from .parties import civilian_victims, crowd_agent, disappeared, hits, is_source, is_victim, killed_civilians
from .syntax import clause_root
from .territory import ARRESTS, TRANSFER, captives, territory_sub_type, unopposed
from .words import load_words

W = load_words()
# Families whose actors are "state side vs. armed opposition" by nature rather than by syntax.
SIDED_FAMILIES = {"transfer", "agreement", "weapons"}
STRIKE_FAMILIES = {"air", "shelling", "suicide", "ied", "grenade", "chemical"}
# Kinds of violence that, with no perpetrator named, ACLED codes to "Unidentified Armed Group (Country)".
UNATTRIBUTED_FAMILIES = {"ied", "suicide", "grenade", "vac", "abduction", "sexual"}


@dataclass
class Roles:
    event_type: str
    sub_event_type: str
    actor1: str | None
    actor2: str | None
    assoc_actor_1: str | None = None


class RoleReader:
    """actor1 / actor2 / assoc_actor_1 and the final (sub-)type of one event trigger."""

    def __init__(self, dictionary: ActorDictionary) -> None:
        self.dictionary = dictionary

    def _localised(self, a: Actor | None, where: str | None, published: str | None) -> str | None:
        """A generic actor's name in the event's country ("gunmen" in Niger, reported from Mali)."""
        if a is None:
            return None
        if not a.label or not where or (a.country or "").upper() == where:
            return a.name
        role = self.dictionary.labels.get(_label_key(a.label), (None, True))[0]
        if role is None or a.name != self.dictionary.role_actor(role, a.country, published)[0]:
            return a.name  # a named actor with a label ("Ansar al-Din fighters")
        words = a.mention.replace("-", " ").split()
        if any(self.dictionary.country_of_adjective(w) for w in words[:-1]) or (
            self.dictionary.country_of_adjective(a.mention)  # "Malian" of "Malian and Nigerien troops"
        ):
            return a.name  # the text fixes the country ("Malian soldiers")
        return self.dictionary.role_actor(role, where, published)[0]

    def _forces(self, name: str | None, where: str | None, published: str | None) -> str | None:
        """ "Government of X" acting on the ground is coded as X's military forces."""
        if not name or not name.startswith("Government of"):
            return name
        lineage = self.dictionary.lineage_of(name)
        code = self.dictionary.entry(lineage, published).country if lineage else None
        return self.dictionary.role_actor("state", code or where, published)[0]

    def _country_subject(self, verb: Any, published: str | None) -> str | None:
        """ "Russia launched missiles at X", "X was struck by Israel": a country acting is its forces."""
        verbs = [verb, verb.head] if subjectless(verb) else [verb]  # "..., killing two": the main verb's
        subjects = [c for v in verbs for c in v.children if c.dep_ == "nsubj"]
        subjects += [
            g for v in verbs for c in v.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"
        ]
        for tok in subjects:
            if tok.pos_ == "PROPN" and tok.ent_type_ == "GPE":
                code = self.dictionary.country_of_adjective(tok.text)
                if code:
                    return self.dictionary.role_actor("state", code, published)[0]
        return None

    def _adjective_agent(self, trig: Any, published: str | None) -> str | None:
        """ "an Israeli air strike", "a Russian missile attack": the state forces of the adjective."""
        mods = [c for c in trig.children if c.dep_ in ("amod", "compound", "nmod") and c.i < trig.i]
        # "a Russian Kalibr missile": the adjective may hang on the weapon's name
        mods += [g for c in mods if c.pos_ == "PROPN" for g in c.children if g.dep_ in ("amod", "compound")]
        for c in mods:
            code = self.dictionary.country_of_adjective(c.text)
            if code:
                return self.dictionary.role_actor("state", code, published)[0]
        return None

    def read(
        self, m, trig, actor_roots, main_state, main_opp, country, published, sent, loc_country=None
    ) -> Roles:
        fam = m.pattern.family
        event_type, sub = m.pattern.event_type, m.pattern.sub_event_type
        where = (loc_country or country or "").upper() or None
        d = self.dictionary
        root = clause_root(trig)
        # "..., the Saudi-led coalition said", "police said": the source is not a party
        actor_roots = [(a, span) for a, span in actor_roots if not is_source(span.root, trig)]
        if fam != "protest":  # "a mob attack": the bare trigger word names no second actor
            actor_roots = [
                (a, span) for a, span in actor_roots if not (len(span) == 1 and span[0].i == trig.i)
            ]
        # "X suicide bombers": actors hang on the head of a two-word trigger, not on its first word
        head = trig.head if trig.dep_ == "compound" and trig.head.i in m.tokens else trig
        verb = trig if trig.pos_ in ("VERB", "AUX") else root
        agent, patient, attack_noun = roles_by_syntax(actor_roots, verb, head)
        if agent is None and subjectless(trig):
            # "..., killing a soldier": the participle's roles are its main clause's
            main = roles_by_syntax(actor_roots, trig.head, trig.head)
            if main[0] is not None:
                agent, patient, attack_noun = main
        spans = {id(a): span for a, span in actor_roots}
        assoc = None
        if agent is not None:
            assoc = next(
                (
                    a
                    for a, span in actor_roots
                    if a is not agent and a.name != agent.name and conjoined(spans[id(agent)], span)
                ),
                None,
            )
        others = [a for a, _ in actor_roots if a is not agent and a is not patient and a is not assoc]
        # "..., killing three soldiers": the people killed are a victim side, never the attacker
        victims = {id(a) for a, span in actor_roots if is_victim(span.root)}
        armed = [
            a
            for a in others
            if a.actor_type in NON_STATE_ARMED or a.actor_type in ("state forces", "external forces")
        ]
        civilians = [a for a, _ in actor_roots if a.actor_type == "civilians"]

        def is_state(a: Actor | None) -> bool:
            return a is not None and a.actor_type == "state forces"

        def role(name: str) -> str:
            return d.role_actor(name, where, published)[0]

        if fam == "protest":
            # ACLED names protesters by the country they protest in, whoever they are
            # ("Palestinian demonstrators" in London are Protesters (United Kingdom))
            name = role("protesters")
            lemmas = {t.lemma_.lower() for t in sent}
            # the force that intervened ("dispersed by police", "soldiers fired on the crowd")
            force = next((a.name for a, _ in actor_roots if is_state(a)), None)
            if lemmas & W["protest_lethal"] and lemmas & W["protest_nouns"]:
                return Roles(event_type, "Excessive force against protesters", name, force)
            if lemmas & W["protest_force"] or "tear" in lemmas:
                return Roles(event_type, "Protest with intervention", name, force)
            return Roles(event_type, sub, name, None)
        if fam == "transfer" and (trig.lemma_.lower() in W["movement_lemmas"] or trig.lower_ == "clear"):
            # a withdrawal is coded to the side that moves ("X withdrew from Y", "Y was cleared of
            # X": X is actor1), the side that stays is actor2
            pool = [a for a in (agent, patient, *others) if a is not None]
            mover = agent or next((a for a in pool if a.actor_type in NON_STATE_ARMED), None)
            moved_out = trig.lower_ == "clear" and is_state(agent)
            if (mover is not None and mover.actor_type == "civilians") or moved_out:
                # "civilians and fighters of X left": the armed side moves; "the army declared Y
                # clear of X": the army stays, X left
                mover = next((a for a in pool if a.actor_type in NON_STATE_ARMED), None)
            name1 = self._localised(mover, where, published) if mover is not None else main_opp
            taker = next((a for a, sp in actor_roots if a is not mover and enters(sp.root)), None)
            if taker is not None and (mover is None or taker.name != mover.name):
                # "X entered the town after Y withdrew": X gains the place (actor1), Y left it
                left = name1 if mover is not None else (main_opp if is_state(taker) else main_state)
                return Roles(event_type, sub, self._forces(self._localised(taker, where, published), where,
                             published), self._forces(left, where, published))  # fmt: skip
            other = next((a for a in pool if a is not mover and a.name != name1), None)
            name2 = self._localised(other, where, published) or (
                main_opp if name1 == main_state or is_state(mover) else main_state)  # fmt: skip
            return Roles(
                event_type, sub, self._forces(name1, where, published), self._forces(name2, where, published)
            )
        if fam == "transfer":
            # "X handed the base over to Y": Y takes it (actor1)
            taker = next((a for a, span in actor_roots if relation(span.root, verb, head) == "prep_to"), None)
            if taker is not None:
                giver = next((a for a in (agent, patient, *others) if a is not None and a is not taker), None)
                name2 = self._localised(giver, where, published) or (
                    main_opp if is_state(taker) else main_state)  # fmt: skip
                taken_by = self._forces(self._localised(taker, where, published), where, published)
                return Roles(event_type, sub, taken_by, name2)  # "returned to government control": its forces
        parties = agreement_parties(m, head, verb, actor_roots, d, published) if fam == "agreement" else None
        if parties is not None:  # "a ceasefire between Armenia and Azerbaijan"
            return Roles(event_type, sub, *parties)
        if fam == "agreement" and agent is not None:
            # "X and Y reached a truce", "X signed a deal with Y": the parties in the order stated
            parties = (assoc, patient, *others)
            party = next((a for a in parties if a is not None and a.name != agent.name), None)
            # talks abroad ("the government and the ELN signed ... in Havana"): a generic party is
            # of the country of the named one, not of the place of signing
            home = next(
                (a.country for a in (agent, party) if a is not None and not a.label and a.country), where
            )
            return Roles(event_type, sub, self._localised(agent, home, published),
                         self._localised(party, home, published) or main_opp)  # fmt: skip
        if fam in SIDED_FAMILIES:
            pool = [a for a in (agent, patient, *others) if a is not None]
            st = next((self._localised(a, where, published) for a in pool if is_state(a)), main_state)
            ns = next(
                (self._localised(a, where, published) for a in pool if a.actor_type in NON_STATE_ARMED),
                main_opp,
            )
            if fam != "agreement":  # a government handing over weapons or territory acts through its forces
                st = self._forces(st, where, published)
            return Roles(event_type, sub, st, ns)
        a1 = agent
        country_agent = None if a1 is not None else self._country_subject(verb, published)
        crowd = ("protesters", "rioters")
        if fam == "clash" and any(a is not None and a.actor_type in crowd for a in (agent, patient)):
            # "demonstrators clashed with police": a violent demonstration, the force as actor2
            force = next(
                (a for a in (agent, patient, *others) if a is not None and a.actor_type not in crowd), None
            )
            return Roles(
                "Riots", "Violent demonstration", role("rioters"), self._localised(force, where, published)
            )
        if fam in ("riot", "mob"):
            # a riot's actor1 is always "Rioters (Country)"; a group leading it is the associate
            name2 = self._localised(patient, where, published) if patient is not None else None
            lead = agent if agent is not None and agent.actor_type not in crowd else None
            return Roles(event_type, sub, role("rioters"), name2, self._localised(lead, where, published))
        attackers = [a for a in armed if id(a) not in victims]
        if fam in ("ied", "suicide", "grenade"):
            # "an IED exploded under a military vehicle": forces in a phrase of the blast's verb
            # are what it hit, not who set it
            attackers = [
                a
                for a in attackers
                if not (is_state(a) and (relation(spans[id(a)].root, verb, head) or "").startswith("prep_"))
            ]
        if a1 is None and attackers and country_agent is None:
            a1 = next((a for a in attackers if is_state(a)), attackers[0])
        a2 = patient if patient is not None and patient is not a1 else None
        if a2 is None:
            a2 = next((a for a in armed if a is not a1 and a.name != (a1.name if a1 else None)), None)
        name1 = self._localised(a1, where, published) or country_agent
        name2 = self._localised(a2, where, published)
        if name1 is None:
            for noun in (trig, attack_noun):
                if name1 is None and noun is not None and noun.pos_ == "NOUN":
                    name1 = self._adjective_agent(noun, published)
        heads = [trig.doc[i] for i in m.tokens] + [trig.head] * (trig.dep_ == "compound")
        military_target = fam in STRIKE_FAMILIES and any(hits(h, verb, W["military_targets"]) for h in heads)
        if military_target and not is_state(a1) and name1 != main_state:
            # "a drone attack on a military ceremony": the state is the target, the attacker unnamed
            name2 = name2 or main_state
        elif fam in ("capture", "clash", "kill", "siege", "shelling", "air") and name1 is None:
            name1 = main_state
        if fam in UNATTRIBUTED_FAMILIES and name1 is None:
            # a bomb, a grenade, an abduction nobody is named for in the sentence: the one armed
            # group the report is about, else ACLED's unidentified armed group
            generic = not main_opp or d.lineage_of(main_opp) is None
            name1 = role("unidentified") if generic else main_opp
        if fam in ("capture", "clash", "kill") and name2 is None:
            name2 = main_opp if name1 == main_state or is_state(a1) else main_state
        if fam in ("kill", "clash") and (
            patient is not None
            and patient.actor_type == "civilians"
            or (civilians and not armed and agent is not None)
        ):
            event_type, sub = "Violence against civilians", "Attack"
            name2 = self._localised(patient or civilians[0], where, published)
        elif fam == "kill" and patient is None and not is_state(a1) and killed_civilians(trig):
            # "militiamen killed 12 farmers": people civilian by the word, no armed side named
            event_type, sub = "Violence against civilians", "Attack"
            name1 = self._localised(a1, where, published) or role("unidentified")
            name2 = role("civilians")
        if fam in STRIKE_FAMILIES and not military_target and (name2 is None or patient is None):
            hit = self._localised(civilians[0], where, published) if civilians else None
            if hit is None and civilian_victims(sent, trig, verb):
                # the civilians of the place hit ("Civilians (Lebanon)" in an article about Israel)
                hit = role("civilians")
            if hit and (name2 is None or not (a2 and a2.actor_type in NON_STATE_ARMED | {"state forces"})):
                name2 = hit
        if fam == "base":
            name2 = None  # a base is established by one actor; ACLED codes no actor2
        if name1 is None and fam == "change":
            name1 = role("state") if where else main_state  # a curfew, a shutdown: the state
        if name1 is None and fam == "looting" and crowd_agent(verb):
            name1 = role("rioters")  # "crowds looted shops": a riot's looting
        if fam in ("abduction", "sexual") and name2 is None:
            name2 = role("civilians")  # VAC by definition
        if fam == "arrest" and disappeared(sent):
            # "detained a teacher; his whereabouts remain unknown": a forced disappearance (ACLED)
            event_type, sub = "Violence against civilians", "Abduction/forced disappearance"
            name2 = name2 or role("civilians")
        if fam in ("abduction", "arrest") and name2 and name2.startswith("Government of"):
            # "abducted pupils from a government school": the government names the school
            name2 = role("civilians")
        if (
            fam == "clash"
            and trig.lemma_ in ("attack", "assault")
            and any(t.lemma_ in W["residential_words"] for t in sent)
        ):
            event_type, sub = "Violence against civilians", "Attack"
            name2 = self._localised(civilians[0], where, published) if civilians else role("civilians")
        if sub == "@territory":
            a1_state = is_state(a1) if a1 is not None else name1 == main_state
            sub = territory_sub_type(d, a1_state, a1, name1, assoc, spans.get(id(a1)), where, country)
            if unopposed(sent, m.tokens):
                event_type, sub = TRANSFER  # the taker is actor1, the side that left actor2
            elif captives(trig):
                event_type, sub = ARRESTS  # "captured two ELN members": people, not a place
        if name1 and name1.startswith("Government of") and fam not in ("agreement",):
            # a government "acting" in a violent event is coded as its forces
            name1 = d.role_actor("state", a1.country if a1 else where, published)[0]
        if name1 == name2:
            name2 = None
        assoc_name = self._localised(assoc, where, published)
        if assoc_name in (name1, name2):
            assoc_name = None
        return Roles(event_type, sub, name1, name2, assoc_name)


def demonstration_actors(event: Any, dictionary: ActorDictionary, published: str | None) -> None:
    """ACLED's convention for demonstrations, whatever decided the type: a Protests event's actor1
    is "Protesters (Country)", a Riots event's "Rioters (Country)" (the country of the place);
    a state force named first becomes actor2 (it intervened), another actor the associate."""
    role = {"Protests": "protesters", "Riots": "rioters"}.get(event.event_type or "")
    if role is None:
        return
    name = dictionary.role_actor(role, (event.country or "").upper() or None, published)[0]
    first = event.actor1
    if first is None or first.startswith(("Protesters", "Rioters")):
        event.actor1 = name if event.country or first is None else first
        return
    event.actor1 = name
    state = first.startswith(("Military Forces", "Police Forces", "Government of"))
    if state and event.actor2 is None:
        event.actor2 = first
    elif not state and event.assoc_actor_1 is None and not first.startswith("Civilians"):
        event.assoc_actor_1 = first
    if event.actor2 == name:
        event.actor2 = None
