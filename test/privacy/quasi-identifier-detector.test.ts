import { describe, expect, it } from 'vitest';
import { PrivacyGuard } from '../../privacy/index.js';

const guard = new PrivacyGuard();

describe('quasi-identifier detection', () => {
  describe('when a specific class is given with other detail', () => {
    it.each([
      'En elev i 4B har berättat att pappa slår, hon är 10 år.',
      'En kille i 8A har slutat äta i skolan.',
      'Eleven går i klass 9c och har en tvilling.',
      'Den enda eleven i klassen med rullstol blir mobbad.',
      'En tjej i årskurs 6 på Hallundaskolan har berättat om självskada.',
      'Hon bor på Storgatan med sin pappa.',
      'eleven i 6a som har diabetes får ingen insulin med sig',
      'Vi har den enda familjen från Eritrea i förskoleklassen och mamma är rädd.',
      'Det är bara en flicka i förskoleklassen som har hörapparat och hon har blåmärken.',
      'Pojken i förskoleklass B vars mamma jobbar här kommer hungrig.',
    ])('warns but does not refuse "%s"', (text) => {
      expect(guard.inspectText(text)).toEqual({ identifying: false, quasi: true, categories: [] });
    });
  });

  describe('when the child is described generally', () => {
    it.each([
      'En flicka i årskurs 3 har berättat att hon är rädd.',
      'En pojke i mellanstadiet verkar hungrig.',
      'Vi är en förskola i Tullinge.',
      'En skola anmälde oro för ett barn som snart fyller 13 år.',
    ])('says nothing about "%s"', (text) => {
      expect(guard.inspectText(text)).toEqual({ identifying: false, quasi: false, categories: [] });
    });
  });

  describe('when the message also identifies someone', () => {
    it('refuses and does not also warn', () => {
      expect(guard.inspectText('Sofia i 4B är 10 år.')).toEqual({ identifying: true, quasi: false, categories: ['name'] });
    });
  });
});
