import { describe, expect, it } from 'vitest';
import { checkSafeText, parseSafeText } from '../../engine/index.ts';

describe('safe text format', () => {
  it('When a text has a heading, paragraphs with line breaks, a list and links, then it parses into those blocks', () => {
    const blocks = parseSafeText('## Herausgeber\nStadt Erkelenz\nJohannismarkt 17\n\n- [Web](https://www.example.org)\n- Telefon: [02431 85-0](tel:02431850)\n\nMail: [info](mailto:info@erkelenz.example).');
    expect(blocks).toEqual([
      { kind: 'heading', text: 'Herausgeber' },
      { kind: 'paragraph', lines: [[{ kind: 'text', text: 'Stadt Erkelenz' }], [{ kind: 'text', text: 'Johannismarkt 17' }]] },
      {
        kind: 'list',
        items: [
          [{ kind: 'link', text: 'Web', href: 'https://www.example.org' }],
          [{ kind: 'text', text: 'Telefon: ' }, { kind: 'link', text: '02431 85-0', href: 'tel:02431850' }],
        ],
      },
      { kind: 'paragraph', lines: [[{ kind: 'text', text: 'Mail: ' }, { kind: 'link', text: 'info', href: 'mailto:info@erkelenz.example' }, { kind: 'text', text: '.' }]] },
    ]);
  });

  it('When a link points to javascript:, http: or data:, then it stays literal text and the check names it in German', () => {
    for (const href of ['javascript:alert(1)', 'http://example.org', 'data:text/html,x']) {
      const source = `[Klick](${href})`;
      expect(parseSafeText(source)).toEqual([{ kind: 'paragraph', lines: [[{ kind: 'text', text: source }]] }]);
      expect(checkSafeText(source)).toEqual([{ message: expect.stringContaining('erlaubt sind nur Adressen mit https://, mailto: oder tel:') }]);
    }
  });

  it('When a text contains HTML, then it is text when parsed and the check refuses it', () => {
    expect(parseSafeText('<b>fett</b>')).toEqual([{ kind: 'paragraph', lines: [[{ kind: 'text', text: '<b>fett</b>' }]] }]);
    expect(checkSafeText('<img src=x onerror=alert(1)>')).toHaveLength(1);
    expect(checkSafeText('Öffnungszeiten: 8 < 12 Uhr')).toEqual([]);
  });
});
