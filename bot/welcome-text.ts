/** The first thing a new user reads: what the bot does, and the anonymity rule. */
export const WELCOME_TEXT = [
  'Hej! Jag är **Samverkansboten**. Jag svarar på frågor om hur förskola, skola och socialtjänsten i Botkyrka samverkar kring barn som far illa eller riskerar att fara illa – alltid med källa i kommunens rutiner.',
  'Skriv en fråga, till exempel ”Måste vi vara säkra innan vi anmäler?” eller ”Vilket nummer har mottagningen?”.',
  '**Konsultationen är anonym.** Skriv aldrig ett barns namn, personnummer, adress eller annat som kan peka ut barnet – beskriv i stället, till exempel ”en flicka i årskurs 3”.',
  'Är ett barn i akut fara: ring 112.',
].join('\n\n');
