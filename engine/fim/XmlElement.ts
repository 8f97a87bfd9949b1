import { XMLParser } from 'fast-xml-parser';

type RawNode = Record<string, unknown>;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  htmlEntities: true,
  alwaysCreateTextNode: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
  // Every element becomes an array so repeated siblings (struktur, regel, Row) keep their order uniformly.
  isArray: (_name: string, _path: unknown, _leaf: boolean, isAttribute: boolean) => !isAttribute,
});

function localName(qualified: string): string {
  const colon = qualified.indexOf(':');
  return colon === -1 ? qualified : qualified.slice(colon + 1);
}

/**
 * A read-only XML element with namespace prefixes removed from element and attribute names; the namespace
 * declarations of the element itself stay available through `namespaces`. Built on fast-xml-parser.
 */
export class XmlElement {
  readonly name: string;
  readonly namespaces: Readonly<Record<string, string>>;
  private readonly attributes: Readonly<Record<string, string>>;
  private readonly childElements: ReadonlyMap<string, readonly XmlElement[]>;
  private readonly ownText: string;

  private constructor(qualifiedName: string, raw: RawNode) {
    this.name = localName(qualifiedName);
    const attributes: Record<string, string> = {};
    const namespaces: Record<string, string> = {};
    const childElements = new Map<string, XmlElement[]>();
    let text = '';
    for (const [key, value] of Object.entries(raw)) {
      if (key === '#text') {
        text = String(value);
      } else if (key.startsWith('@_')) {
        const attributeName = key.slice(2);
        if (attributeName === 'xmlns' || attributeName.startsWith('xmlns:')) namespaces[attributeName] = String(value);
        else attributes[localName(attributeName)] = String(value);
      } else if (Array.isArray(value)) {
        const list = childElements.get(localName(key)) ?? [];
        for (const item of value) list.push(new XmlElement(key, typeof item === 'object' && item ? (item as RawNode) : { '#text': item }));
        childElements.set(localName(key), list);
      }
    }
    this.attributes = attributes;
    this.namespaces = namespaces;
    this.childElements = childElements;
    this.ownText = text;
  }

  /**
   * Parses XML text and returns its root element, or an error message when the text is not well-formed XML.
   */
  static parse(xml: string): { ok: true; root: XmlElement } | { ok: false; message: string } {
    let parsed: unknown;
    try {
      parsed = parser.parse(xml, true);
    } catch (error) {
      return { ok: false, message: `Not well-formed XML: ${error instanceof Error ? error.message : String(error)}` };
    }
    const entries = Object.entries(parsed as RawNode).filter(([key, value]) => !key.startsWith('?') && Array.isArray(value));
    const [first] = entries;
    if (!first || entries.length !== 1) return { ok: false, message: 'The XML text has no single root element.' };
    const [key, value] = first;
    return { ok: true, root: new XmlElement(key, (value as RawNode[])[0] ?? {}) };
  }

  /** All child elements with this local name, in document order. */
  children(name: string): readonly XmlElement[] {
    return this.childElements.get(name) ?? [];
  }

  /** The first child element with this local name. */
  child(name: string): XmlElement | undefined {
    return this.children(name)[0];
  }

  /** Whether a child element with this local name exists. */
  has(name: string): boolean {
    return this.children(name).length > 0;
  }

  /** Names of all child elements. */
  childNames(): string[] {
    return [...this.childElements.keys()];
  }

  /** The element's own text content, trimmed, with CR LF line ends normalised to LF. */
  text(): string {
    return this.ownText.replace(/\r\n?/g, '\n').trim();
  }

  /** The text of the first child with this name that has text; '' when none has. */
  childText(name: string): string {
    for (const element of this.children(name)) {
      const text = element.text();
      if (text) return text;
    }
    return '';
  }

  /** The `<code>` value of a code-typed child such as `<feldart><code>input</code></feldart>`. */
  childCode(name: string): string {
    return this.child(name)?.childText('code') ?? '';
  }

  /** An attribute by local name. */
  attribute(name: string): string | undefined {
    return this.attributes[name];
  }

  /** All attributes by local name. */
  attributeEntries(): [string, string][] {
    return Object.entries(this.attributes);
  }

  /** The first descendant (depth-first, document order per name) with this local name. */
  find(name: string): XmlElement | undefined {
    const own = this.child(name);
    if (own) return own;
    for (const list of this.childElements.values()) {
      for (const element of list) {
        const found = element.find(name);
        if (found) return found;
      }
    }
    return undefined;
  }
}
