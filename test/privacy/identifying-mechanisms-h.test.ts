import { describe, expect, it } from 'vitest';
import { PrivacyGuard } from '../../privacy/index.js';

// General mechanisms written in the set H session; every case is written for this file, none is taken from a set.
const guard = new PrivacyGuard();

const warned = (text: string): boolean => {
  const verdict = guard.inspectText(text);
  return verdict.quasi && !verdict.identifying;
};

describe('quasi-identifiers (general, set H session)', () => {
  describe('when a detail narrows a child down without naming them', () => {
    it.each([
      'Familjen som alla i byn känner till har slutat svara, barnen är borta från skolan.',
      'Pojken från den ökända familjen på höjden har slagit en lärare.',
      'Syskonen som bor på campingen sedan i somras har ingen skolplats.',
      'Eleven som bor i en husvagn med sin pappa kommer ofta utan mat.',
      'En pojke i trean med en sällsynt muskelsjukdom behöver en assistent.',
      'Flickan med en ovanlig diagnos i åk 2 får inte sin medicin hemifrån.',
      'Killen som kom på andra plats i talangtävlingen får hot på nätet.',
      'Tjejen som är med i tv-serien om ridskolan har berättat om bråk hemma.',
      'Eleven som flyttade hit från Kiruna i januari mår dåligt.',
      'Familjen som äger den stora gården utanför byn har det svårt.',
      'Knivhuggningen i Alby centrum har drabbat ett av våra barn hårt.',
      'Bröderna är de enda med glasögon på hela förskolan och blir retade.',
      'Barnet är det enda med hörapparat i kommunen och föräldrarna säger nej till stöd.',
      'Fyrlingarna i 1C kommer inte till skolan.',
      'Pedagogerna på avd Ekorren oroar sig för familjen som ofta kommer sent.',
      'A 10-year-old at our school who was in the local paper last month is being threatened.',
      'The boy who set the fire in the gym is back in class.',
      'Flickan som bor i lägenheten ovanför apoteket är ofta ensam hemma.',
      'Familjen som bor i det röda huset vid badplatsen har det svårt.',
      'En pojke i åk 5 som flydde från Sudan med sin farbror sover dåligt.',
      'Eleven som är elva år och redan går på gymnasiet mår inte bra.',
      'Tjejen som är bäst i Sverige på simning i sin ålder har slutat äta.',
      'Ett barn på vår förskola vars mamma sitter häktad har börjat bitas.',
      'Vi har en elev vars pappa är en välkänd fotbollsspelare.',
      'I min klass finns ett barn som bor i familjehem sedan i vintras.',
      'En pojke i sexan som saknar en hand blir retad på rasterna.',
      'En elev i åk 3 som väger över 70 kilo blir retad.',
      'Pojken i 4C med adhd har slutat komma efter lunch.',
      'Flickan i trean med autism får inte följa med på utflykten.',
      'Han är ensam på skolan om att ha kippa och blir retad.',
      'Ingen annan elev i klassen har hörselskada, och hon blir utfrusen.',
      'Nobody else in the class has a wheelchair, and he is left out.',
      'De två bröderna i 3B och 5B kommer alltid utan mat.',
      'Pojken vars mamma är veterinär har slutat äta i skolan.',
      'Flickan vars pappa är fotbollsproffs har blåmärken.',
      'The family everybody on our street knows about has been reported again.',
      'A boy in 2C with a rare muscle disorder cannot join PE.',
      'A new family from a village in Eritrea has seven children at our school.',
      'The girl whose parents run the pharmacy in the square has bruises.',
    ])('warns about "%s" without refusing it', (text) => {
      expect(warned(text)).toBe(true);
    });

    it.each([
      'Hur gör vi när en familj flyttar hit från ett annat land mitt i terminen?',
      'Vad gäller när en elev har en sällsynt sjukdom och behöver medicin i skolan?',
      'Kan man anmäla oro när man inte vet vem familjen är?',
      'Vi har bott i huset i tio år och trivs bra.',
      'Hur länge får ett barn vara hemma innan vi ska höra av oss?',
      'Hur pratar man med barn vars förälder sitter i fängelse?',
      'I min klass har vi svårt med arbetsron efter lunch.',
      'Vi deltog i en matematiktävling förra året och det gick bra.',
      'Jag är ensam om att jobba kväll i morgon, kan någon byta?',
      'Vi har en elev i tvåan med adhd som har svårt att sitta still, vilka anpassningar fungerar?',
    ])('leaves the general question "%s" alone', (text) => {
      const verdict = guard.inspectText(text);
      expect(verdict.identifying).toBe(false);
      expect(verdict.quasi).toBe(false);
    });
  });

  describe('when a business, a show or a diagnosis carries a capitalised name', () => {
    it.each([
      'Familjen som driver Pizzeria Bellini vid torget har barn i 2A.',
      'Mamman som har Salong Anneli vid stationen är oroad, hennes son i 6B blir slagen.',
      'Pojken vars pappa var med i Farmen i våras blir retad i 5C.',
      'En elev i åk 4 med en ovanlig sjukdom (Ehlers-Danlos) på vår skola far illa hemma.',
      'Flickan med Aspergers syndrom i 3B har slutat äta i skolan.',
      'The girl whose mum owns Luna Pizza by the station has bruises.',
      'Sonen till ägaren av Vårby Taxi går i 6A och är ofta trött.',
      'Pojken vars mamma jobbar på Ikea i Kungens kurva har hög frånvaro.',
      'The boy whose dad plays for Djurgården is being bullied.',
    ])('warns about "%s" rather than refusing it as a name', (text) => {
      expect(warned(text)).toBe(true);
    });

    it.each(['Familjen Bellini som driver pizzerian har barn i 2A.', 'Anneli på salongen säger att sonen blir slagen.', 'Mohamed El Amrani i 4B är ofta ledsen.'])(
      'still refuses the person named in "%s"',
      (text) => {
        expect(guard.inspectText(text).categories).toContain('name');
      },
    );
  });
});

describe('obfuscated names and addresses (general, set H session)', () => {
  it.each([
    ['a name written with digits at both ends', 'Vi oroar oss för 4nn4 i förskoleklassen'],
    ['a name spelled in dotted capitals', 'pojken heter O.S.K.A.R och går på fritids'],
    ['a name broken over two lines', 'eleven heter\nMar\ncus och mamman är påverkad'],
  ])('refuses %s', (_label, text) => {
    expect(guard.inspectText(text).categories).toContain('name');
  });

  it.each(['H_nna i 4B är ofta ledsen', 'Ibr*him säger att han inte får äta', 'vi pratade med E_ias om frånvaron'])('refuses a name with a letter masked: "%s"', (text) => {
    expect(guard.inspectText(text).categories).toContain('name');
  });

  it.each(['kolumnen user_id är tom', 'det var ett h*lvete att få tag i blanketten'])('leaves a masked word that is no name alone: "%s"', (text) => {
    expect(guard.inspectText(text).identifying).toBe(false);
  });

  it('reads a dot written in brackets in an e-mail address', () => {
    expect(guard.inspectText('pappans mejl: kalle_ek78@gmail[.]com').categories).toContain('email');
    expect(guard.inspectText('skriv till nisse(dot)lund@telia(dot)se').categories).toContain('email');
  });

  it('leaves room codes and acronyms spelled with dots alone', () => {
    expect(guard.inspectText('Mötet är i rum 4b3 på plan två').identifying).toBe(false);
    expect(guard.inspectText('Läs mer hos E.U. och F.N. om barnets rättigheter').identifying).toBe(false);
  });
});

describe('names of preschool groups and units (general, set H session)', () => {
  it.each([
    'Barnen på avdelning Hallon har haft vattkoppor hela veckan',
    'The children in group Vitsippan keep getting picked up late',
    'Vår förskola heter Gläntan och vi undrar hur vi gör en orosanmälan',
    'Our preschool is called Linden, who do we call about a worry?',
  ])('does not take the group or unit name in "%s" for a person', (text) => {
    expect(guard.inspectText(text).categories).not.toContain('name');
  });

  it.each(['Barnet på avdelningen heter Hilma och är ofta hungrig', 'Eleven i gruppen heter Nils och har blåmärken'])(
    'still refuses the child named in "%s"',
    (text) => {
      expect(guard.inspectText(text).categories).toContain('name');
    },
  );
});

describe('names that are also words, in running text (general, set H session)', () => {
  it.each(['vår elev sten har slutat äta lunch', 'min elev liv är rädd för att gå hem', 'Mamman till Juni ringde i morse', 'pappan till maj är arg på oss'])(
    'refuses "%s"',
    (text) => {
      expect(guard.inspectText(text).categories).toContain('name');
    },
  );

  it.each(['vår elev själv har sagt att det är jobbigt', 'hennes son ibland är arg på morgonen', 'Från april till Maj är vi på plats', 'barnen till sommaren behöver plats'])(
    'leaves "%s" alone',
    (text) => {
      expect(guard.inspectText(text).identifying).toBe(false);
    },
  );
});

describe('names in capitals and with "@" in lower case (general, set H session)', () => {
  it.each(['NORA i 3C har slutat äta', 'ELLA (8) gråter vid lämningen', 'pojken heter O_M_A_R', 'flickan heter EVA', 'vi pratade med m@ja igår', 'l@ra i 2a är ledsen'])('refuses "%s"', (text) => {
    expect(guard.inspectText(text).categories).toContain('name');
  });

  it.each(['BUP i 3A har svarat', 'Eleven låg på IVA i 2 dagar', 'mejla kontakt@botkyrka.se om frånvaron', 'myndigheten heter IVO', 'Vad heter BUP på engelska?'])('leaves "%s" alone', (text) => {
    expect(guard.inspectText(text).identifying).toBe(false);
  });
});

describe('word-names in lower case after a clause opens (general, set H session)', () => {
  it.each(['jag tyckte att sol verkade ledsen idag', 'men liv är rädd för att gå hem', 'vide och frej är bröder i 2c', 'sten och ros är kusiner'])('refuses "%s"', (text) => {
    expect(guard.inspectText(text).categories).toContain('name');
  });

  it.each(['att bo är tryggt är viktigt för barnen', 'men sol är viktigt på sommaren', 'sten och grus är bröder i anden'])('leaves "%s" alone', (text) => {
    expect(guard.inspectText(text).identifying).toBe(false);
  });
});

describe('a lower-case word that ends like a genitive (general, set H session)', () => {
  it('does not take a verb ending a sentence for a name\'s genitive', () => {
    expect(guard.inspectText('Ett barn i gruppen har börjat bitas.').identifying).toBe(false);
  });

  it('still reads a genitive before what is owned', () => {
    expect(guard.inspectText('alis mamma ringde i morse').categories).toContain('name');
  });
});

describe('English word-names in lower case (general, set H session)', () => {
  it.each(['my student ivy is scared to go home', 'could you phone the dad of jack?', "i'm worried about rose, she seems scared", 'our pupil joy has bruises again'])(
    'refuses "%s"',
    (text) => {
      expect(guard.inspectText(text).categories).toContain('name');
    },
  );

  it.each(['We talked about faith, she said it matters to her family.', 'My student council is meeting today.', 'The mother of all problems is time.'])(
    'leaves "%s" alone',
    (text) => {
      expect(guard.inspectText(text).identifying).toBe(false);
    },
  );
});
