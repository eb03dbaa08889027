/**
 * `npx tsx tools/eval-gate-tuning.ts [--list]`: a TUNING SET for the answerer's decline gate, written by the tuning helper
 * (H2, 2026-12-06) from the seed documents in ../shared/seeds, not from any evaluation set. It holds near-miss questions
 * the routines do not answer – asked in the routines' own words (a budget, a queue, a waiting time, how another authority
 * works inside, an everyday school task) – and answerable questions in the same shapes, each with the entries a right
 * answer may cite first. It is tuned on, so its figure says nothing about unseen questions; `--list` prints the misses.
 */
import { loadConfig } from '../config/config.js';
import { createAnswerer } from '../knowledge/create-answerer.js';
import { loadKnowledge } from '../knowledge/load-knowledge.js';
import { evaluateQa, type QaCase } from '../knowledge/qa-evaluation.js';

/** Questions in the routines' domain whose answer the seed documents do not give. */
const OUT_OF_SCOPE: readonly string[] = [
  'Hur mycket pengar får de lokala samverkansgrupperna varje år?',
  'Vilket arvode får ett familjehem för ett syskonpar?',
  'Hur snabbt kan socialtjänsten ordna ett jourhem en fredagskväll?',
  'Hur prioriterar BUP remisser som kommer från elevhälsan?',
  'Hur prioriterar polisen anmälningar om misshandel av barn?',
  'Hur fungerar antagningen till gymnasiesärskolan?',
  'Hur lång är väntetiden för att träffa skolpsykologen?',
  'Vilken ingångslön får en nyexaminerad kurator?',
  'Hur planerar man en klassresa när en elev har en beslutad insats?',
  'Hur leder man ett föräldramöte om mobbning i klassen?',
  'Hur går en omprövning av ett slutbetyg till?',
  'Hur lång tid tar en vårdnadsutredning vid tingsrätten?',
  'Hur handlägger förvaltningsrätten ett LVU-mål internt?',
  'Vilket arbetsschema har fältassistenterna under helgerna?',
  'Hur rekryterar socialtjänsten nya kontaktfamiljer?',
  'Hur mycket semester får en elevassistent under sommarlovet?',
  'Vilken utbildning behöver man för att arbeta som kurator i skolan?',
  'Hur fördelas Kraftsamlings pengar mellan de två förvaltningarna?',
  'Hur mäter skolan elevernas trivsel med enkäter?',
  'Hur organiserar regionen sin barn- och ungdomspsykiatri?',
  'Hur handlägger Försäkringskassan vårdbidrag för barn med funktionsnedsättning?',
  'Vilka regler gäller för busskort när eleven bor hos båda föräldrarna?',
  'Var ansöker familjen om pengar till klassens utflykt?',
  'Hur får en förälder hjälp med hyran från kommunen?',
  'Hur många år arkiveras skolsköterskans anteckningar?',
  'Vem betalar tolken när familjen kallas till ett möte med socialtjänsten?',
  'Hur bokar man lokal inför Kraftsamlingsdagen?',
  'Vad serveras det för lunch på Kraftsamlingsdagen?',
  'Hur lång tid tar Migrationsverket på sig att pröva ett barns asylärende?',
  'Vad kostar BBIC-licensen för kommunen varje år?',
  'Hur går antagningen till gymnasiet till i kommunen?',
  'Hur lång tid tar det att få en plats på fritidshemmet?',
  'Hur går lönesamtalet till för förskollärare?',
  'Får läraren låta en elev sova över hemma hos sig om det är stökigt hemma?',
  'Kan skolan låna ut datorer till familjer som socialtjänsten utreder?',
  'Får socialsekreteraren äta lunch med eleverna i matsalen?',
  'Måste rektorn teckna en särskild försäkring för samverkansmötena?',
  'Hur många timmar i veckan ska skolsköterskan finnas på skolan?',
  'Hur lång tid tar det för polisen att hålla förhör med ett barn?',
  'Hur gör man när en elev vill byta klass efter en konflikt?',
  'Hur planerar man en temadag om hälsa för sexorna?',
  'Hur fungerar modersmålsundervisningen för nyanlända elever?',
  'Hur lång tid tar en neuropsykiatrisk utredning hos BUP?',
  'Vilken budget har de skolsociala teamen i Stockholm?',
  'Hur rapporterar förskolan personalens sjukfrånvaro till kommunen?',
  'Vilka lokaler använder Gärdesgruppen för sina träffar?',
  'Hur lång tid tar Skolinspektionen på sig att svara på en anmälan från en förälder?',
  'Vart vänder sig en förälder som vill klaga på en lärares bemötande?',
  'Hur överklagar vårdnadshavarna ett beslut om placering?',
  'Hur lång tid tar det innan familjen får en kontaktperson beviljad?',
  'Hur fungerar inskolningen på förskolan?',
  'Hur många elever går i Botkyrkas grundskolor?',
  'Hur prioriterar Skolinspektionen internt mellan olika granskningar?',
  'Vilken budget har elevhälsan på en vanlig grundskola?',
  'Hur fungerar platsfördelningen på sommarkollot?',
  'Hur länge får man vänta på beslut om en kontaktfamilj?',
  'Hur leder man ett klassråd så att alla elever kommer till tals?',
  'Hur arbetar tingsrätten med vårdnadstvister?',
  'Hur prioriterar socialjouren sina utryckningar under en natt?',
  'Hur många handläggare arbetar på utredningsenheten?',
  'Vilket lönesystem använder förvaltningarna?',
  'Hur rekvirerar rektorn medel för extra elevhälsopersonal?',
];

/** Answerable questions in the same shapes, with the entries a right answer may cite first. */
const ANSWERABLE: readonly QaCase[] = [
  { q: 'Hur lång tid har socialtjänsten på sig att göra förhandsbedömningen?', expect: ['forhandsbedomning'] },
  { q: 'Hur lång tid får en utredning om ett barn ta?', expect: ['utredning'] },
  { q: 'Hur fungerar ett anmälningsmöte?', expect: ['anmalningsmote', 'anmalningsmote-planering'] },
  { q: 'Hur fungerar en konsultation med socialtjänsten?', expect: ['konsultation', 'anonym-konsultation'] },
  { q: 'Vilken uppgift har Kraftsamlings ledningsgrupp?', expect: ['ledningsgrupp-kraftsamling'] },
  { q: 'Hur går ett trepartssamtal till?', expect: ['trepartssamtal'] },
  { q: 'Hur ofta har de lokala samverkansgrupperna möte?', expect: ['lokala-samverkansgrupper'] },
  { q: 'Hur fungerar socialjouren?', expect: ['socialjouren', 'akut-oro-mottagningen-stangd'] },
  { q: 'Hur lång tid tar det innan vi får bekräftelse på att anmälan kommit in?', expect: ['bekraftelse-pa-anmalan'] },
  { q: 'Får man som lärare anmäla anonymt?', expect: ['anmalan-inte-anonym'] },
  { q: 'Hur fungerar en samordnad individuell plan?', expect: ['sip'] },
  { q: 'Hur fyller vi i BBIC-utlåtandet?', expect: ['bbic-utlatande-instruktioner', 'bbic-utlatande'] },
  { q: 'Vem leder anmälningsmötet?', expect: ['vem-leder-anmalningsmotet'] },
  { q: 'Hur arbetar de skolsociala teamen i Stockholm?', expect: ['skolsociala-team', 'skolsociala-team-erfarenheter'] },
  { q: 'Vad gör fältassistenterna i skolområdena?', expect: ['faltforlagt-socialt-arbete'] },
  { q: 'Hur följs styrdokumentet upp?', expect: ['styrdokumentet-foljs-upp'] },
  { q: 'Hur fungerar team skolnärvaro?', expect: ['team-skolnarvaro'] },
  { q: 'Vad gör skolan när ett barn flyttar hem efter en placering?', expect: ['flytt-hem-efter-placering'] },
  { q: 'Inom hur många dagar ska anmälningsmötet hållas?', expect: ['anmalningsmote-planering', 'anmalningsmote'] },
  { q: 'Måste vi säga till vårdnadshavarna att vi gör en anmälan?', expect: ['informera-vardnadshavare'] },
  { q: 'Vad skiljer en serviceinsats från en beslutad insats?', expect: ['serviceinsats-eller-beslutad-insats', 'myndighetsutovning-och-service'] },
  { q: 'Från vilken ålder för unga sin egen talan hos socialtjänsten?', expect: ['unga-fran-15-ar'] },
  { q: 'Hur prioriterar socialtjänsten en anmälan när barnet kan vara i fara?', expect: ['skyddsbedomning', 'akut-oro', 'vad-hander-efter-anmalan'] },
  { q: 'Vem tar fram den årliga handlingsplanen i Kraftsamling?', expect: ['arlig-handlingsplan'] },
  { q: 'Hur fungerar Kraftsamling?', expect: ['kraftsamling', 'kraftsamling-organisation'] },
  { q: 'Hur lång tid tar det för socialtjänsten att bedöma om barnet behöver skydd direkt?', expect: ['skyddsbedomning'] },
  { q: 'Hur ska skolan göra vid upprepad frånvaro?', expect: ['upprepad-franvaro', 'team-skolnarvaro'] },
  { q: 'Hur håller man ett gemensamt möte med familjen om BBIC-uppgifterna?', expect: ['gemensamt-mote-om-bbic'] },
  { q: 'Vad gör mottagningssektionen med en anmälan?', expect: ['mottagningssektionens-uppdrag', 'vad-hander-efter-anmalan', 'skyddsbedomning'] },
  { q: 'Hur arbetar elevhälsoteamet?', expect: ['elevhalsoteam', 'elevhalsa-aldre-rutin'] },
  { q: 'Vilka sitter i styrgruppen enligt överenskommelsen?', expect: ['overenskommelse-styrning'] },
  { q: 'När ska man erbjuda en SIP?', expect: ['sip'] },
];

const config = loadConfig();
const knowledge = await loadKnowledge(config.knowledgeDir);
const answerer = await createAnswerer(knowledge, config.knowledgeDir, {});
const cases: QaCase[] = [...OUT_OF_SCOPE.map((q): QaCase => ({ q, expect: 'no-answer' })), ...ANSWERABLE];
const report = await evaluateQa(cases, (q) => answerer.answer(q));
if (process.argv.includes('--list')) {
  for (const f of report.failures) console.log(`MISS tuning  ${JSON.stringify(f.q)}  expected ${Array.isArray(f.expected) ? f.expected.join('|') : f.expected}, got ${f.got}`);
}
console.log(
  `gate tuning set: ${report.correct}/${report.total}  score ${report.score.toFixed(3)}  (answerable ${report.answerable.correct}/${report.answerable.total}, declined ${report.unanswerable.declined}/${report.unanswerable.total})`,
);
