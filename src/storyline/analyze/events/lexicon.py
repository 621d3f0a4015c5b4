"""The PLOVER event lexicon: verb, noun and adjective patterns, and mode rules.

PLOVER (the Open Event Data Alliance's successor to CAMEO) names sixteen event
types; what decides the type is the predicate together with its particle or its
object ("call off a strike" concedes, "call for a strike" demands, "lift a
curfew" concedes, "lift a blockade" retreats). So each entry below is a lemma,
the particles/prepositions it needs and, for light verbs, the object nouns that
carry the meaning. The table is written from the category definitions of the
PLOVER manual (draft 0.8) and the CAMEO-to-PLOVER mapping: it is a lexicon of
English political verbs, not a list of sentences.

Line format, one sense per line::

    lemma [particle ...] [+object,object ...] = TYPE[/mode]

A line whose lemma starts with ``~`` is a noun trigger; ``^`` an adjective
taking a to-infinitive ("ready to"). Senses with an object list only fire when
the verb's object (or passive subject, or the object of a listed preposition)
has one of those lemmas: that is how light verbs ("hold", "sign", "impose")
get their meaning from the noun.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ...lexicon import words

if TYPE_CHECKING:
    pass

TYPES = (
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "INVESTIGATE",
    "DEMAND",
    "DISAPPROVE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
)

COOPERATIVE = frozenset({"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT"})
CONFLICTUAL = frozenset({"THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"})
# Types a statement itself performs: saying "we condemn it" condemns it, while saying "we took the
# town" only claims the taking.
SPEECH_ACTS = frozenset({"DISAPPROVE", "DEMAND", "THREATEN", "REJECT", "SUPPORT"})
# Nouns of a claim or a fear. Their that-clause is the holder's claim, not the writer's ("voiced
# concerns that X was hiding the cases"), and they are aimed at the party the clause accuses. A
# worry voiced by no one named is hedged; an unowned "report that ..." is the writer's own telling.
WORRY_NOUNS = words("concern fear worry suspicion")
CLAIM_NOUNS = words("allegation accusation claim charge report complaint assertion belief") | WORRY_NOUNS
# Verdicts that condemn or praise what they are said of: a speaker saying a party (or its claim,
# plan or record) is "wrong" or "reckless", "a fraud", or "did an awful job" disapproves of that
# party; "honest", "a great leader" or "a terrific job" supports it. Words of harm done to the
# subject ("hurt", "dead") or of chance ("unlikely") are not verdicts and are not here.
DISPARAGING = words(
    "wrong false unfounded baseless misleading dishonest untrue awful terrible disgraceful shameful "
    "outrageous reckless irresponsible unacceptable incompetent corrupt ridiculous absurd disastrous "
    "appalling deplorable despicable hypocritical unconstitutional racist sexist pathetic shameless "
    "illegitimate inexcusable unconscionable indefensible lawless criminal dangerous unfit unqualified "
    "misguided disingenuous deceptive fraudulent cruel inhumane unhinged unfair unjust ignorant "
    "foolish stupid dumb crazy arrogant cowardly treacherous horrible careless negligent inept deceitful "
    "untrustworthy weak"
)
DISPARAGING_NOUNS = words(
    "liar fraud disgrace failure hypocrite crook disaster embarrassment traitor coward bully racist "
    "criminal con conman charlatan demagogue dictator tyrant thug joke loser puppet menace faker phony opportunist "
    "bigot cheat clown buffoon idiot moron"
)
PRAISING = words(
    "honest brave courageous admirable qualified trustworthy terrific excellent outstanding brilliant "
    "wonderful fantastic great superb remarkable tremendous"
)
# "did an awful job", "a great leader": the adjective judges the noun it modifies, and so the party
VERDICT_NOUNS = words("job work leader president man woman person candidate friend partner ally")
# Diseases and what spreads them: harm from them is no attack, and none is a party one acts on.
DISEASES = words(
    "disease illness virus coronavirus covid covid-19 flu influenza cholera ebola measles malaria cancer "
    "tuberculosis dengue polio mpox pandemic epidemic outbreak infection heat cold"
)
# Harm done to someone, named as a noun: its "against"/"on" party suffers it. Opposing
# "discrimination against migrants" or condemning "the attacks on Selm" is not aimed at them.
HARM_NOUNS = words("discrimination racism bias hatred hate violence persecution aggression abuse harassment")


@dataclass(frozen=True, slots=True)
class Sense:
    """One reading of a trigger word: the PLOVER type it codes and what it needs."""

    lemma: str
    type: str
    mode: str | None = None
    parts: tuple[str, ...] = ()
    objects: frozenset[str] = frozenset()
    kind: str = "verb"

    @property
    def specificity(self) -> int:
        """More conditions first, so "call off" is tried before bare "call"."""
        return 2 * bool(self.objects) + len(self.parts)


_AGREE = """
agree = AGREE
agree +ceasefire,truce = AGREE/diplomatic
offer = AGREE
promise = AGREE
pledge = AGREE
vow = AGREE
swear = AGREE
commit to = AGREE
consent = AGREE
volunteer = AGREE
guarantee = AGREE
undertake +pledge,commitment = AGREE
propose = AGREE
invite = AGREE
accept +offer,proposal,plan,formula,invitation,mediation,deal,agreement,settlement,plan,resolution = AGREE
reach +agreement,accord,deal,consensus,understanding,compromise,settlement,breakthrough,pact = AGREE
strike +agreement,accord,deal,understanding,compromise,settlement,pact,bargain = AGREE
seal +agreement,accord,deal,understanding,compromise,settlement,pact,bargain = AGREE
clinch +agreement,accord,deal,understanding,compromise,settlement,pact,bargain = AGREE
forge +agreement,accord,deal,understanding,compromise,settlement,pact,bargain = AGREE
hammer out +agreement,accord,deal,understanding,compromise,settlement,pact,bargain = AGREE
express +willingness,readiness,intention,hope,desire = AGREE
announce +plan,intention,readiness = AGREE
~agreement = AGREE
~accord = AGREE
~deal = AGREE
~pact = AGREE
~pledge = AGREE
~promise = AGREE
~offer = AGREE
~breakthrough = AGREE
^willing = AGREE
^ready = AGREE
^prepared = AGREE
^eager = AGREE
^committed = AGREE
^determined = AGREE
"""

_CONSULT = """
meet = CONSULT
meet with = CONSULT
talk = CONSULT
talk with = CONSULT
speak with = CONSULT
speak to = CONSULT
ring +counterpart,president,minister,leader,premier,chancellor = CONSULT/phone
negotiate = CONSULT
discuss = CONSULT
consult = CONSULT
confer = CONSULT
visit = CONSULT/visit
tour = CONSULT/visit
host = CONSULT/visit
receive +delegation,envoy,minister,president,leader = CONSULT/visit
receive +official,delegate,ambassador,emissary,premier = CONSULT/visit
welcome +delegation,envoy,minister,president,leader,premier,prime = CONSULT/visit
arrive in = CONSULT/visit
arrive for +talk,visit,meeting,summit,negotiation = CONSULT/visit
travel to = CONSULT/visit
fly to = CONSULT/visit
telephone = CONSULT/phone
phone = CONSULT/phone
call +counterpart,president,minister,leader,premier,chancellor = CONSULT/phone
mediate = CONSULT/third-party
broker = CONSULT/third-party
hold +talk,meeting,negotiation,consultation,summit,discussion,conference,session,round = CONSULT
have +talk,meeting,negotiation,consultation,discussion,conversation = CONSULT
open +talk,negotiation,summit,conference = CONSULT
begin +talk,negotiation,consultation,summit,meeting = CONSULT
start +talk,negotiation,consultation,meeting = CONSULT
resume +talk,negotiation,dialogue,contact,consultation = CONSULT
renew +talk,negotiation,dialogue,contact = CONSULT
continue +talk,negotiation,dialogue,consultation = CONSULT
launch +mediation,talk,negotiation,dialogue,initiative = CONSULT/third-party
undertake +mediation,mission = CONSULT/third-party
return to +talk,negotiation,table = CONSULT
attend +talk,meeting,summit,conference,negotiation = CONSULT/multilateral
convene +meeting,summit,conference,talk,session = CONSULT/multilateral
give +welcome,reception = CONSULT/visit
~talk = CONSULT
~negotiation = CONSULT
~meeting = CONSULT
~summit = CONSULT/multilateral
~consultation = CONSULT
~visit = CONSULT/visit
~mediation = CONSULT/third-party
"""

_SUPPORT = """
praise = SUPPORT/diplomatic
commend = SUPPORT/diplomatic
hail = SUPPORT/diplomatic
laud = SUPPORT/diplomatic
applaud = SUPPORT/diplomatic
welcome = SUPPORT/diplomatic
endorse = SUPPORT/diplomatic
back = SUPPORT/diplomatic
support = SUPPORT/diplomatic
defend = SUPPORT/diplomatic
congratulate = SUPPORT/diplomatic
thank = SUPPORT/diplomatic
apologize = SUPPORT/diplomatic
apologise = SUPPORT/diplomatic
forgive = SUPPORT/diplomatic
recognize = SUPPORT/diplomatic
recognise = SUPPORT/diplomatic
ratify = SUPPORT/diplomatic
sign = SUPPORT/diplomatic
sign +agreement,treaty,accord,pact,deal = SUPPORT/diplomatic
sign +memorandum,protocol,declaration,charter,contract,convention = SUPPORT/diplomatic
conclude +agreement,treaty,accord,pact,deal = SUPPORT/diplomatic
establish +tie,relation,relationship,embassy = SUPPORT/diplomatic
restore +tie,relation,relationship = SUPPORT/diplomatic
upgrade +tie,relation,relationship = SUPPORT/diplomatic
normalize +tie,relation,relationship = SUPPORT/diplomatic
normalise +tie,relation,relationship = SUPPORT/diplomatic
improve +tie,relation,relationship = SUPPORT/diplomatic
express +support,solidarity,gratitude,appreciation,sympathy,condolence = SUPPORT/diplomatic
rally +support = SUPPORT/diplomatic
mobilize +support,pressure = SUPPORT/diplomatic
vote for = SUPPORT/diplomatic
side with = SUPPORT/diplomatic
rally behind = SUPPORT/diplomatic
throw +support = SUPPORT/diplomatic
pledge +support,backing,endorsement = SUPPORT/diplomatic
offer +support,backing,endorsement = SUPPORT/diplomatic
champion = SUPPORT/diplomatic
campaign for = SUPPORT/diplomatic
stump for = SUPPORT/diplomatic
vouch for = SUPPORT/diplomatic
fundraise for = SUPPORT/diplomatic
raise for +money,fund,cash,donation = SUPPORT/diplomatic
offer +praise,tribute,compliment,word = SUPPORT/diplomatic
pay +tribute,compliment = SUPPORT/diplomatic
heap +praise = SUPPORT/diplomatic
have +word = SUPPORT/diplomatic
~apology = SUPPORT/diplomatic
~endorsement = SUPPORT/diplomatic
"""

_COOPERATE = """
cooperate = COOPERATE
co-operate = COOPERATE
collaborate = COOPERATE
extradite = COOPERATE/legal
share +intelligence,information,expertise,evidence,data,technology,know-how,experience = COOPERATE
exchange +intelligence,information,prisoner,expertise,data = COOPERATE
hold +exercise,drill,manoeuvre,maneuver,game = COOPERATE/military
conduct +exercise,drill,manoeuvre,maneuver,game = COOPERATE/military
launch +exercise,drill,manoeuvre,maneuver,game = COOPERATE/military
stage +exercise,drill,manoeuvre,maneuver,game = COOPERATE/military
undertake +exercise,drill,manoeuvre,maneuver,game = COOPERATE/military
~cooperation = COOPERATE
~extradition = COOPERATE/legal
"""

_AID = """
aid = AID
assist +refugee,victim,civilian,evacuation,reconstruction = AID
donate = AID
give +aid,assistance,grant,loan,money,dollar,million,billion = AID
give +fund,food,medicine,supply,help,equipment,weapon,arm = AID
provide = AID
provide +asylum,refuge,shelter = AID/asylum
deliver = AID
supply = AID
send +aid,assistance,food,medicine,supply,relief,money,arm,weapon,equipment,material,doctor,rescuer = AID
ship +aid,food,medicine,supply,arm,weapon = AID
airlift = AID
grant +aid,asylum,loan,credit,assistance,refuge,visa = AID
grant +asylum,refuge = AID/asylum
accept +refugee,asylum-seeker,migrant,evacuee = AID/asylum
take in +refugee,asylum-seeker,migrant,evacuee = AID/asylum
lend = AID
loan = AID
fund = AID
finance = AID
rescue = AID
evacuate +wounded,injured,civilian,refugee,people,resident,casualty = AID
hand over +aid,food,medicine,supply,money,equipment = AID
open +border,door,frontier = AID/asylum
forgive +debt,loan = AID
cancel +debt,loan = AID
pay +compensation,reparation,damage = AID
approve +sale,export,license,licence,aid,loan,package,assistance = AID
certify +sale,export,license,licence = AID
authorize +sale,export,license,licence,aid = AID
authorise +sale,export,license,licence,aid = AID
deploy +peacekeeper,peacekeeping = AID/peacekeeping
~aid = AID
~assistance = AID
~donation = AID
~asylum = AID/asylum
"""

_CONCEDE = """
concede = CONCEDE
yield = CONCEDE
relent = CONCEDE
back down = CONCEDE
give in = CONCEDE
back off = CONCEDE
accede = CONCEDE
pardon = CONCEDE
acquit = CONCEDE
amnesty = CONCEDE
legalize = CONCEDE
legalise = CONCEDE
regret = CONCEDE
allow = CONCEDE
permit = CONCEDE
accept +demand,condition,term,request,ultimatum = CONCEDE
meet +demand,condition = CONCEDE
lift +curfew,ban,restriction,emergency,state,law,rule,measure,censorship,ceiling = CONCEDE
ease +curfew,ban,restriction,emergency,measure,rule,control,censorship = CONCEDE
relax +curfew,ban,restriction,emergency,measure,rule,control,censorship = CONCEDE
cancel +curfew,ban,restriction,measure = CONCEDE
shorten +curfew = CONCEDE
end +curfew,ban,restriction,emergency,strike,protest,boycott = CONCEDE
call off +strike,protest,boycott,demonstration,march,rally,action = CONCEDE
suspend +strike,protest,boycott,demonstration = CONCEDE
postpone +strike,protest,demonstration,march,rally = CONCEDE
drop +demand,charge,objection,opposition,claim = CONCEDE
withdraw +demand,objection,candidacy,complaint,charge,claim = CONCEDE
grant +amnesty,pardon,concession,autonomy,right = CONCEDE
take +step,measure = CONCEDE
~concession = CONCEDE
~amnesty = CONCEDE
~pardon = CONCEDE
"""

_RETREAT = """
withdraw = RETREAT/withdraw
withdraw from = RETREAT/withdraw
pull out = RETREAT/withdraw
pull back = RETREAT/withdraw
retreat = RETREAT/withdraw
evacuate = RETREAT/withdraw
vacate = RETREAT/withdraw
cede = RETREAT/withdraw
release = RETREAT/release
free = RETREAT/release
repatriate = RETREAT/release
return +prisoner,hostage,captive,body,remains,property = RETREAT/release
return +land,territory,weapon,helicopter,aircraft,plane,ship = RETREAT/release
hand over +prisoner,hostage,captive,suspect,weapon,territory,control,power,national = RETREAT/release
disarm = RETREAT/disarm
demobilize = RETREAT/disarm
demobilise = RETREAT/disarm
surrender = RETREAT/disarm
lay down +arm,weapon = RETREAT/disarm
resign = RETREAT/resign
step down = RETREAT/resign
quit = RETREAT/resign
abdicate = RETREAT/resign
declare +ceasefire,truce,armistice = RETREAT/ceasefire
observe +ceasefire,truce = RETREAT/ceasefire
announce +ceasefire,truce,withdrawal = RETREAT/ceasefire
lift +blockade,siege,sanction,embargo,closure,boycott = RETREAT
ease +blockade,siege,sanction,embargo,closure = RETREAT
end +blockade,siege,sanction,embargo,occupation,offensive,fighting,hostility = RETREAT
admit +observer,inspector,monitor,peacekeeper,worker = RETREAT/access
receive +observer,inspector,monitor,mission,peacekeeper = RETREAT/access
allow +access,entry,delivery,inspection,inspector,observer,monitor,return = RETREAT/access
open +bridge,crossing,corridor,route,road,port,airport = RETREAT/access
~withdrawal = RETREAT/withdraw
~pullout = RETREAT/withdraw
~ceasefire = RETREAT/ceasefire
~truce = RETREAT/ceasefire
~resignation = RETREAT/resign
~release = RETREAT/release
"""

_INVESTIGATE = """
investigate = INVESTIGATE
probe = INVESTIGATE
subpoena = INVESTIGATE
inspect = INVESTIGATE
examine = INVESTIGATE
audit = INVESTIGATE
look into = INVESTIGATE
open +investigation,inquiry,probe,hearing,case,enquiry = INVESTIGATE
launch +investigation,inquiry,probe,enquiry = INVESTIGATE
begin +investigation,inquiry,probe,hearing = INVESTIGATE
start +investigation,inquiry,probe = INVESTIGATE
order +investigation,inquiry,probe = INVESTIGATE
conduct +investigation,inquiry,probe,inspection,search = INVESTIGATE
complete +investigation,inquiry,probe = INVESTIGATE
hold +hearing,inquiry = INVESTIGATE
put under +investigation = INVESTIGATE
place under +investigation = INVESTIGATE
send +inspector,investigator,expert,mission,monitor,personnel,team = INVESTIGATE
dispatch +inspector,investigator,expert,mission,monitor,personnel,team = INVESTIGATE
~investigation = INVESTIGATE
~inquiry = INVESTIGATE
~probe = INVESTIGATE
"""

_DEMAND = """
demand = DEMAND
urge = DEMAND
call for = DEMAND
call on = DEMAND
call upon = DEMAND
ask = DEMAND
request = DEMAND
appeal = DEMAND
appeal for = DEMAND
appeal to = DEMAND
insist = DEMAND
insist on = DEMAND
press = DEMAND
press for = DEMAND
push for = DEMAND
push = DEMAND
pressure = DEMAND
pressure into = DEMAND
pressurize = DEMAND
lobby = DEMAND
plead = DEMAND
petition = DEMAND
order = DEMAND
require = DEMAND
seek +refuge,asylum = DEMAND/asylum
seek +aid,assistance,help,support,refuge,asylum,release,extradition,talk,meeting,ceasefire = DEMAND
seek +compensation,apology,withdrawal,resignation,protection,intervention,sanction = DEMAND
summon = DISAPPROVE
reiterate +demand,call,appeal = DEMAND
repeat +demand,call,appeal = DEMAND
issue +demand,call,appeal,reminder,order,instruction,directive = DEMAND
make +demand,appeal,request = DEMAND
renew +demand,call,appeal = DEMAND
~demand = DEMAND
~request = DEMAND
~appeal = DEMAND
"""

_DISAPPROVE = """
accuse = DISAPPROVE
call out = DISAPPROVE
blame = DISAPPROVE
criticize = DISAPPROVE
criticise = DISAPPROVE
condemn = DISAPPROVE
denounce = DISAPPROVE
decry = DISAPPROVE
deplore = DISAPPROVE
censure = DISAPPROVE
rebuke = DISAPPROVE
needle = DISAPPROVE
reprimand = DISAPPROVE
slam = DISAPPROVE
blast = DISAPPROVE
castigate = DISAPPROVE
chastise = DISAPPROVE
lambaste = DISAPPROVE
fault = DISAPPROVE
allege = DISAPPROVE
charge = DISAPPROVE
indict = DISAPPROVE
sue = DISAPPROVE
prosecute = DISAPPROVE
complain = DISAPPROVE
object to = DISAPPROVE
disagree with = DISAPPROVE
break with = DISAPPROVE
take +shot,swipe,jab,potshot,aim = DISAPPROVE
take with +issue = DISAPPROVE
prosecute = DISAPPROVE
scold = DISAPPROVE
berate = DISAPPROVE
excoriate = DISAPPROVE
assail = DISAPPROVE
deride = DISAPPROVE
ridicule = DISAPPROVE
mock = DISAPPROVE
lash out = DISAPPROVE
hit out at = DISAPPROVE
hit back at = DISAPPROVE
fire back at = DISAPPROVE
rail against = DISAPPROVE
lob +criticism,accusation,attack,charge,insult = DISAPPROVE
taunt = DISAPPROVE
bash = DISAPPROVE
skewer = DISAPPROVE
belittle = DISAPPROVE
disparage = DISAPPROVE
insult = DISAPPROVE
smear = DISAPPROVE
denigrate = DISAPPROVE
vilify = DISAPPROVE
demonize = DISAPPROVE
demonise = DISAPPROVE
chide = DISAPPROVE
admonish = DISAPPROVE
lampoon = DISAPPROVE
pillory = DISAPPROVE
impugn = DISAPPROVE
malign = DISAPPROVE
upbraid = DISAPPROVE
reproach = DISAPPROVE
badmouth = DISAPPROVE
rip into = DISAPPROVE
push back against = DISAPPROVE
tussle with = DISAPPROVE
spar with = DISAPPROVE
feud with = DISAPPROVE
push back on = DISAPPROVE
tear into = DISAPPROVE
lay into = DISAPPROVE
heap +scorn,criticism,abuse = DISAPPROVE
have +word = DISAPPROVE
exchange +word,insult,barb = DISAPPROVE
level +criticism,accusation,charge = DISAPPROVE
question +legitimacy,legality,motive,eligibility,integrity,loyalty,patriotism,honesty,competence = DISAPPROVE
turn on +fire,ire = DISAPPROVE
cast on +blame = DISAPPROVE
put on +blame = DISAPPROVE
lay on +blame = DISAPPROVE
protest to = DISAPPROVE
protest over = DISAPPROVE
lodge +protest,complaint,objection = DISAPPROVE
file +complaint,lawsuit,suit,charge,protest = DISAPPROVE
bring +charge,lawsuit,suit,case,complaint = DISAPPROVE
express +concern,regret,dismay,outrage,anger = DISAPPROVE
express +disapproval,indignation,displeasure,alarm,disappointment,opposition = DISAPPROVE
voice +concern,regret,dismay,outrage,anger = DISAPPROVE
voice +disapproval,indignation,displeasure,alarm,disappointment,opposition = DISAPPROVE
attack +policy,decision,plan,statement,remark,proposal,report,government,record,stance = DISAPPROVE
~accusation = DISAPPROVE
~allegation = DISAPPROVE
~criticism = DISAPPROVE
~tirade = DISAPPROVE
~diatribe = DISAPPROVE
~broadside = DISAPPROVE
~denunciation = DISAPPROVE
~critique = DISAPPROVE
~rebuke = DISAPPROVE
~outcry = DISAPPROVE
~condemnation = DISAPPROVE
~complaint = DISAPPROVE
~charge = DISAPPROVE
~indictment = DISAPPROVE
~lawsuit = DISAPPROVE
"""

_REJECT = """
reject = REJECT
refuse = REJECT
decline = REJECT
deny +request,entry,access,visa,permission,demand,application = REJECT
deny +landing,passage,permit,license,licence,allocation,approval,admittance = REJECT
rebuff = REJECT
dismiss = REJECT
spurn = REJECT
turn down = REJECT
veto = REJECT
oppose = REJECT
resist = REJECT
defy = REJECT
rule out = REJECT
repudiate = REJECT
renege = REJECT
renege on = REJECT
back out of = REJECT
violate +ban,order,resolution,agreement,sanction,embargo = REJECT
renounce +agreement,treaty,accord,deal = REJECT
block +resolution,proposal,bill,plan,entry,measure,motion,move,deal = REJECT
bar = REJECT
cancel +meeting,visit,talk,summit,trip,negotiation = REJECT
boycott +talk,meeting,negotiation,summit,election,session,vote,conference = REJECT
~rejection = REJECT
~refusal = REJECT
~veto = REJECT
"""

_THREATEN = """
threaten = THREATEN
warn = THREATEN
menace = THREATEN
issue +ultimatum,threat,warning = THREATEN
give +ultimatum,warning = THREATEN
promise +veto,retaliation,reprisal = THREATEN
vow +veto,retaliation,reprisal,revenge = THREATEN
pledge +veto = THREATEN
~threat = THREATEN
~ultimatum = THREATEN
~warning = THREATEN
"""

_PROTEST = """
protest = PROTEST/demo
protest against = PROTEST/demo
demonstrate = PROTEST/demo
rally = PROTEST/demo
march = PROTEST/demo
picket = PROTEST/demo
riot = PROTEST/riot
strike = PROTEST/strike
walk out = PROTEST/strike
boycott = PROTEST/boycott
stage +protest,demonstration,rally,march,strike,sit-in,walkout,boycott = PROTEST/demo
hold +protest,demonstration,rally,march,vigil,sit-in = PROTEST/demo
organize +protest,demonstration,rally,march,strike = PROTEST/demo
organise +protest,demonstration,rally,march,strike = PROTEST/demo
launch +protest,strike,boycott = PROTEST/demo
go on +strike = PROTEST/strike
begin +strike = PROTEST/strike
start +strike = PROTEST/strike
block +road,highway,street,access,entrance,railway,bridge = PROTEST/obstruct
blockade +road,highway,street,entrance,railway,bridge = PROTEST/obstruct
take to +street = PROTEST/demo
stop +work = PROTEST/strike
shun +work = PROTEST/strike
down +tool = PROTEST/strike
block +transport,traffic = PROTEST/obstruct
throw +stone,rock,bottle,petrol,molotov,brick = PROTEST/riot
~protest = PROTEST/demo
~demonstration = PROTEST/demo
~rally = PROTEST/demo
~march = PROTEST/demo
~riot = PROTEST/riot
~strike = PROTEST/strike
~walkout = PROTEST/strike
~boycott = PROTEST/boycott
~sit-in = PROTEST/demo
"""

_SANCTION = """
sanction = SANCTION/discontinue
embargo = SANCTION/discontinue
impose +sanction,embargo,tariff,boycott,penalty = SANCTION/discontinue
cut +aid,tie,relation,assistance,funding,supply,link,contact,trade = SANCTION/discontinue
cut off +aid,tie,relation,assistance,funding,supply,link,contact,trade = SANCTION/discontinue
sever +tie,relation,link,contact = SANCTION/discontinue
break off +tie,relation,talk,negotiation,contact,dialogue = SANCTION/withdraw
break +tie,relation = SANCTION/discontinue
suspend +aid,tie,relation,assistance,funding,membership,cooperation = SANCTION/discontinue
suspend +talk,negotiation,dialogue,program,programme,flight,trade = SANCTION/discontinue
halt +aid,assistance,funding,supply,talk = SANCTION/discontinue
halt +negotiation,mediation,cooperation,trade,program,programme = SANCTION/discontinue
freeze +aid,asset,account,tie,relation,fund,cooperation = SANCTION/discontinue
reduce +aid,supply,assistance,funding,tie,relation,presence,staff = SANCTION/discontinue
downgrade +tie,relation = SANCTION/discontinue
end +aid,mediation,talk,negotiation,cooperation,assistance,support,effort = SANCTION/withdraw
stop +aid,assistance,funding,supply,talk,negotiation,cooperation = SANCTION/discontinue
prohibit +aid,trade,import,export = SANCTION/discontinue
ban +import,export,trade,flight = SANCTION/discontinue
recall +ambassador,envoy,diplomat = SANCTION/withdraw
withdraw +ambassador,envoy,diplomat,observer,monitor = SANCTION/withdraw
withdraw +peacekeeper,aid,support,recognition,staff = SANCTION/withdraw
withdraw from +talk,negotiation,treaty,agreement,organization,alliance,mediation,process = SANCTION/withdraw
pull out of +talk,negotiation,treaty,agreement,organization,alliance,process = SANCTION/withdraw
walk out of +talk,negotiation,meeting,session = SANCTION/withdraw
expel +diplomat,ambassador,envoy,inspector,observer = SANCTION/expel
expel +monitor,peacekeeper,mission,agency,journalist,correspondent = SANCTION/expel
expel = SANCTION/expel
ship out = SANCTION/withdraw
force out = SANCTION/expel
close +embassy,consulate,mission = SANCTION/withdraw
convict = SANCTION/convict
sentence = SANCTION/convict
fine = SANCTION/convict
find +guilty = SANCTION/convict
~sanction = SANCTION/discontinue
~embargo = SANCTION/discontinue
~expulsion = SANCTION/expel
~suspension = SANCTION/discontinue
~conviction = SANCTION/convict
"""

_MOBILIZE = """
mobilize = MOBILIZE/troops
mobilise = MOBILIZE/troops
mass = MOBILIZE/troops
deploy = MOBILIZE/troops
station = MOBILIZE/troops
reinforce = MOBILIZE/troops
send +troop,force,soldier,warship,tank,reinforcement = MOBILIZE/troops
send +army,jet,battalion,unit,ship,carrier,fleet = MOBILIZE/troops
move +troop,force,soldier,warship,tank,army,missile = MOBILIZE/troops
put +alert = MOBILIZE/troops
place +alert = MOBILIZE/troops
raise +alert = MOBILIZE/troops
call up +reservist,reserve,troop = MOBILIZE/troops
call out +guard,troop,army,reservist,reserve,militia,soldier = MOBILIZE/troops
test +missile,weapon,rocket,bomb,device = MOBILIZE/weapons
test-fire = MOBILIZE/weapons
remain on +alert = MOBILIZE/troops
stay on +alert = MOBILIZE/troops
strengthen +force,presence,troop,army,defence,defense,garrison = MOBILIZE/troops
train +soldier,troop,fighter,militant,rebel,guerrilla,militia,militiaman,commando,recruit,hacker = MOBILIZE/troops
recruit +soldier,troop,fighter,militant,mercenary,volunteer,hacker,reservist = MOBILIZE/troops
~patrol = MOBILIZE/police
~mobilization = MOBILIZE/troops
~mobilisation = MOBILIZE/troops
~deployment = MOBILIZE/troops
~buildup = MOBILIZE/troops
~build-up = MOBILIZE/troops
"""

_COERCE = """
arrest = COERCE/arrest
detain = COERCE/arrest
jail = COERCE/arrest
imprison = COERCE/arrest
apprehend = COERCE/arrest
round up = COERCE/arrest
hold +prisoner,hostage,captive,civilian,refugee,people,suspect,activist,journalist = COERCE/arrest
take into +custody = COERCE/arrest
confiscate = COERCE/seize
seize +weapon,property,asset,arm,document,ship,vessel,tanker,boat,aircraft,plane,truck,lorry = COERCE/seize
seize +cargo,drug,land,equipment,explosive,passport,newspaper = COERCE/seize
impound = COERCE/seize
raid = COERCE/seize
search +home,house,office,building,premises,village,headquarters,vehicle,ship,camp = COERCE/seize
loot = COERCE/seize
occupy = COERCE/seize
annex = COERCE/seize
ban = COERCE/restrict
outlaw = COERCE/restrict
proscribe = COERCE/restrict
prevent +demonstration,protest,rally,march,meeting,entry,access,gathering,vote,strike = COERCE/restrict
restrict = COERCE/restrict
crack down on = COERCE/restrict
clamp down on = COERCE/restrict
suppress = COERCE/restrict
repress = COERCE/restrict
harass = COERCE/restrict
intimidate = COERCE/restrict
disperse = COERCE/restrict
blockade = COERCE/restrict
besiege = COERCE/restrict
close +border,frontier,crossing,airspace = COERCE/restrict
reimpose +blockade,closure,siege,restriction,curfew = COERCE/restrict
impose +blockade,closure,siege,restriction,control = COERCE/restrict
impose +curfew = COERCE/curfew
impose +emergency,state,law,siege = COERCE/martial-law
declare +emergency,state,law,siege = COERCE/martial-law
impose +censorship,blackout = COERCE/censor
extend +curfew = COERCE/curfew
extend +emergency,law = COERCE/martial-law
tighten +blockade,siege,restriction,control,security,curfew = COERCE/restrict
censor = COERCE/censor
shut down +newspaper,station,website,paper,channel,outlet,network = COERCE/censor
close +newspaper,station,website,paper,channel,outlet,school,university = COERCE/censor
suspend +publication,newspaper,broadcast,licence,license = COERCE/censor
block +website,access,internet = COERCE/censor
deport = COERCE/deport
evict = COERCE/deport
expel +national,citizen,worker,immigrant,refugee,migrant,resident,family,people = COERCE/deport
cut off +water,power,electricity,internet,supply,fuel,food = COERCE/withhold
shut off +water,power,electricity,internet,supply,fuel = COERCE/withhold
hack = COERCE/cyber
hack into = COERCE/cyber
deface = COERCE/cyber
~arrest = COERCE/arrest
~detention = COERCE/arrest
~crackdown = COERCE/restrict
~curfew = COERCE/curfew
~blockade = COERCE/restrict
~siege = COERCE/restrict
~raid = COERCE/seize
~ban = COERCE/restrict
~deportation = COERCE/deport
~hack = COERCE/cyber
"""

_ASSAULT = """
attack = ASSAULT
assault = ASSAULT/beat
kill = ASSAULT
murder = ASSAULT/targeted
wound = ASSAULT
injure = ASSAULT
bomb = ASSAULT/explosives
shell = ASSAULT/heavy-weapons
bombard = ASSAULT/heavy-weapons
pound = ASSAULT/heavy-weapons
shoot = ASSAULT/firearms
gun down = ASSAULT/firearms
fire on = ASSAULT/firearms
fire at = ASSAULT/firearms
fire +shell,rocket,missile,mortar,artillery,round,bomb,grenade = ASSAULT/heavy-weapons
fire +shot,bullet,gun = ASSAULT/firearms
open +fire = ASSAULT/firearms
strike +target,position,base,village,town,city,camp,convoy,building,area = ASSAULT
strike +car,vehicle,bus,hospital,school,market,mosque,church,house,home,hotel,compound,depot = ASSAULT
hit +target,position,base,village,town,city,camp,convoy,building,area = ASSAULT
hit +car,vehicle,bus,hospital,school,market,mosque,church,house,home,hotel,compound,depot = ASSAULT
ambush = ASSAULT/firearms
massacre = ASSAULT/targeted
slaughter = ASSAULT/targeted
execute = ASSAULT/targeted
behead = ASSAULT/targeted
assassinate = ASSAULT/targeted
torture = ASSAULT/torture
beat = ASSAULT/beat
beat up = ASSAULT/beat
stab = ASSAULT/targeted
slit +throat = ASSAULT/targeted
strangle = ASSAULT/targeted
lynch = ASSAULT/targeted
butcher = ASSAULT/targeted
maim = ASSAULT
mow down = ASSAULT
plow into +crowd = ASSAULT
plow through +crowd = ASSAULT
plough into +crowd = ASSAULT
plough through +crowd = ASSAULT
ram into +crowd = ASSAULT
firebomb = ASSAULT/explosives
rape = ASSAULT/sexual
abuse = ASSAULT/beat
abduct = ASSAULT/abduct
kidnap = ASSAULT/abduct
hijack = ASSAULT/abduct
take +hostage = ASSAULT/abduct
hold +shield = ASSAULT/abduct
invade = ASSAULT/heavy-weapons
overrun = ASSAULT
capture +town,city,village,stronghold,base,hill,territory = ASSAULT
capture +position,area,province,region,airport,port,outpost,garrison = ASSAULT
seize +town,city,village,stronghold,base,hill,territory = ASSAULT
seize +position,area,province,region,airport,port,outpost,garrison = ASSAULT
take +town,city,village,stronghold,base,hill,territory = ASSAULT
take +position,area,province,airport,port,outpost,garrison = ASSAULT
retake = ASSAULT
recapture = ASSAULT
storm = ASSAULT
fight = ASSAULT
battle = ASSAULT
clash = ASSAULT
raze = ASSAULT/destroy
demolish = ASSAULT/destroy
bulldoze = ASSAULT/destroy
destroy = ASSAULT/destroy
burn = ASSAULT/destroy
torch = ASSAULT/destroy
blow up = ASSAULT/explosives
set +fire = ASSAULT/destroy
explode +bomb,device,mine,grenade = ASSAULT/explosives
detonate = ASSAULT/explosives
violate +ceasefire,truce = ASSAULT
launch +attack,offensive,assault,strike,raid,invasion = ASSAULT
launch +airstrike,bombardment,rocket,missile,artillery,operation,incursion = ASSAULT
mount +attack,offensive,assault,strike,raid,invasion,operation,incursion = ASSAULT
carry out +attack,assault,strike,raid,bombing,airstrike,operation,execution,killing,massacre = ASSAULT
conduct +attack,strike,raid,airstrike,bombing,operation = ASSAULT
use +gas,truncheon,baton,cannon,bullet = ASSAULT/crowd-control
engage in +fighting,combat,battle,clash,cleansing,violence,hostility = ASSAULT
~attack = ASSAULT
~assault = ASSAULT
~offensive = ASSAULT
~invasion = ASSAULT/heavy-weapons
~airstrike = ASSAULT/aerial
~bombing = ASSAULT/explosives
~bombardment = ASSAULT/heavy-weapons
~shelling = ASSAULT/heavy-weapons
~massacre = ASSAULT/targeted
~assassination = ASSAULT/targeted
~killing = ASSAULT
~clash = ASSAULT
~fighting = ASSAULT
~ambush = ASSAULT/firearms
~gunbattle = ASSAULT/firearms
~incursion = ASSAULT
~torture = ASSAULT/torture
~kidnapping = ASSAULT/abduct
~abduction = ASSAULT/abduct
~cleansing = ASSAULT
"""

LEXICON_TEXT = "\n".join(
    (
        _AGREE,
        _CONSULT,
        _SUPPORT,
        _COOPERATE,
        _AID,
        _CONCEDE,
        _RETREAT,
        _INVESTIGATE,
        _DEMAND,
        _DISAPPROVE,
        _REJECT,
        _THREATEN,
        _PROTEST,
        _SANCTION,
        _MOBILIZE,
        _COERCE,
        _ASSAULT,
    )
)


def _parse_line(line: str) -> Sense:
    """Read one lexicon line into a Sense (see the module docstring for the format)."""
    pattern, _, code = (part.strip() for part in line.partition("="))
    type_, _, mode = code.partition("/")
    if type_ not in TYPES:
        raise ValueError(f"lexicon line {line!r}: unknown PLOVER type {type_!r}")
    words = pattern.split()
    objects = frozenset(w for word in words if word.startswith("+") for w in word[1:].split(","))
    head, *parts = [w for w in words if not w.startswith("+")]
    kind = {"~": "noun", "^": "adj"}.get(head[0], "verb")
    return Sense(head.lstrip("~^"), type_, mode or None, tuple(parts), objects, kind)


def _build(text: str) -> dict[tuple[str, str], tuple[Sense, ...]]:
    """Index senses by (kind, lemma), most specific first."""
    table: dict[tuple[str, str], list[Sense]] = {}
    for line in text.splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            sense = _parse_line(line)
            table.setdefault((sense.kind, sense.lemma), []).append(sense)
    return {key: tuple(sorted(senses, key=lambda s: -s.specificity)) for key, senses in table.items()}


LEXICON = _build(LEXICON_TEXT)


def senses(kind: str, lemma: str) -> tuple[Sense, ...]:
    """The senses of ``lemma`` used as a ``kind`` ("verb", "noun", "adj"), specific first."""
    return LEXICON.get((kind, lemma.lower()), ())


# Words that make violence literal: who carries arms, what they use, what it leaves (read by the
# sense checks, and by the trigger of "fire" taken, which is gunfire when one of them is near).
VIOLENCE = words(
    "troop force soldier militant militiaman paramilitary separatist extremist commando mercenary rebel gunman "
    "army police fighter insurgent jihadist militia attacker "
    "assailant bomber warplane jet drone navy guerrilla terrorist sniper military kill killing wound injure "
    "injury dead death die casualty shot shoot bomb bombing explosion blast weapon gun rifle knife missile rocket "
    "shell shelling artillery airstrike strike raid war battle hostage prisoner civilian victim body blood "
    "mortar grenade tank fire gunfire violence violent assault riot mob beaten stab"
)

# Verbs that code an event only with a clause saying what is allowed: "allowed X to return".
CLAUSE_VERBS = words("allow permit")
# Orders take the meaning of what they order when that is an event noun: "ordered patrols".
ORDER_VERBS = words("order authorize authorise")
# Verbs that take their meaning from an event noun object: "staged a strike", "continued talks".
LIGHT_VERBS = words(
    "hold stage launch mount conduct carry wage undertake continue begin start resume make issue lodge "
    "file lead join renew intensify step escalate complete finish pursue keep maintain speed accelerate "
    "organize organise call declare announce go institute"
)


# Words that mark how force was used (PLOVER ASSAULT modes, manual table 3.11).
WEAPON_MODES: dict[str, str] = {
    "bomb": "explosives",
    "explosive": "explosives",
    "explosion": "explosives",
    "mine": "explosives",
    "landmine": "explosives",
    "minefield": "explosives",
    "ied": "explosives",
    "grenade": "explosives",
    "suicide": "suicide-attack",
    "bomber": "suicide-attack",
    "artillery": "heavy-weapons",
    "shell": "heavy-weapons",
    "mortar": "heavy-weapons",
    "rocket": "heavy-weapons",
    "tank": "heavy-weapons",
    "missile": "heavy-weapons",
    "gun": "firearms",
    "gunfire": "firearms",
    "rifle": "firearms",
    "gunman": "firearms",
    "gunbattle": "firearms",
    "sniper": "firearms",
    "bullet": "firearms",
    "aircraft": "aerial",
    "airstrike": "aerial",
    "helicopter": "aerial",
    "jet": "aerial",
    "warplane": "aerial",
    "gunship": "aerial",
    "drone": "drone",
    "machete": "primitive",
    "knife": "primitive",
    "axe": "primitive",
    "stone": "primitive",
    "rock": "primitive",
    "club": "primitive",
    "torture": "torture",
    "tear": "crowd-control",
    "cannon": "crowd-control",
    "chemical": "unconventional",
    "nuclear": "unconventional",
}

# Each type in words, for readers of a brief: (what one side did to another,
# what two sides did together). Past tense, as reports tell events; the code
# itself stays beside the words wherever an event is shown.
PHRASES: dict[str, tuple[str, str]] = {
    "AGREE": ("agreed with", "reached an agreement"),
    "CONSULT": ("held talks with", "held talks"),
    "SUPPORT": ("backed", "expressed support"),
    "CONCEDE": ("made concessions to", "made concessions"),
    "COOPERATE": ("cooperated with", "cooperated"),
    "AID": ("gave aid to", "gave aid"),
    "RETREAT": ("pulled back from", "pulled back"),
    "INVESTIGATE": ("investigated", "investigated"),
    "DEMAND": ("made demands of", "made demands"),
    "DISAPPROVE": ("criticised", "criticised"),
    "REJECT": ("rejected a proposal or demand of", "rejected a proposal or demand"),
    "THREATEN": ("threatened", "made threats"),
    "PROTEST": ("protested against", "protested"),
    "SANCTION": ("imposed sanctions on", "imposed sanctions"),
    "MOBILIZE": ("mobilised against", "mobilised"),
    "COERCE": ("used coercion against", "used coercion"),
    "ASSAULT": ("attacked", "carried out attacks"),
    "FIGHT": ("fought", "fought"),
}


# How an event embedded under a DEMAND or REJECT is described (manual table 3.3).
DEMAND_MODES: dict[str, str] = {
    "CONSULT": "meet",
    "AGREE": "meet",
    "RETREAT": "yield",
    "CONCEDE": "yield",
    "AID": "assist",
    "COOPERATE": "assist",
    "SUPPORT": "assist",
}

# What a threat threatens (manual table 3.6).
THREAT_MODES: dict[str, str] = {
    "ASSAULT": "violence",
    "MOBILIZE": "violence",
    "SANCTION": "relations",
    "REJECT": "relations",
    "COERCE": "restrict",
}


def plover_category(type_: str, status: str) -> str:
    """The single PLOVER category the manual asks for, given storyline's type and status.

    storyline keeps the action and its modality apart ("CONSULT", "planned");
    the PLOVER manual folds them (section 3.1: cooperative actions reported in
    the future tense are AGREE; 3.4: announced future retreats are CONCEDE;
    2.3: a use of force that is only announced or possible is a THREATEN).
    """
    if status in {"planned", "hedged"} and type_ in CONFLICTUAL:
        return "THREATEN"
    if status == "planned" and type_ in {"CONSULT", "SUPPORT", "COOPERATE", "AID"}:
        return "AGREE"
    if status == "planned" and type_ == "RETREAT":
        return "CONCEDE"
    return type_
