import { describe, expect, it } from 'vitest';
import { DiagnosticBag } from '../../generator/diagnostics.js';
import type { SourceLine } from '../../generator/read/fragments.js';
import { readXmlSample } from '../../generator/read/xml-sample.js';

const CRM = 'http://schemas.datacontract.org/2004/07/Richemont.Booster2.PublicApi.CRM.ServiceModel';
const ARRAYS = 'http://schemas.microsoft.com/2003/10/Serialization/Arrays';
const SERIALIZATION = 'http://schemas.microsoft.com/2003/10/Serialization/';
const XSI = 'http://www.w3.org/2001/XMLSchema-instance';

function linesOf(text: string, first = 1): SourceLine[] {
  return text.split('\n').map((t, i) => ({ text: t, line: first + i }));
}

function read(text: string, first = 1) {
  const bag = new DiagnosticBag();
  const root = readXmlSample('page.txt', linesOf(text, first), bag);
  return { root, bag };
}

describe('readXmlSample', () => {
  it('reads nested elements, text and start-tag locations', () => {
    const { root, bag } = read(
      [
        `<UpdateCustomer xmlns:i="${XSI}" xmlns="${CRM}">`,
        '  <emails>',
        '    <Email>',
        '      <email>String</email>',
        '      <isMainEmail>false</isMainEmail>',
        '    </Email>',
        '  </emails>',
        '</UpdateCustomer>',
      ].join('\n'),
      10,
    );
    expect(bag.items).toEqual([]);
    expect(root).toMatchObject({ name: 'UpdateCustomer', localName: 'UpdateCustomer', namespace: CRM });
    expect(root!.prefix).toBeUndefined();
    expect(root!.attributes).toEqual([
      { name: 'xmlns:i', value: XSI },
      { name: 'xmlns', value: CRM },
    ]);
    expect(root!.text).toBeUndefined();
    const email = root!.children[0]!.children[0]!;
    expect(email).toMatchObject({ name: 'Email', namespace: CRM, loc: { file: 'page.txt', line: 12, column: 5 } });
    expect(email.children.map((c) => [c.name, c.text, c.namespace])).toEqual([
      ['email', 'String', CRM],
      ['isMainEmail', 'false', CRM],
    ]);
  });

  it('resolves prefixes from the nearest declaration', () => {
    const { root } = read(`<R xmlns="${CRM}"><list xmlns:d2p1="${ARRAYS}"><d2p1:int>0</d2p1:int></list><other xmlns="urn:x"><y/></other></R>`);
    const [list, other] = root!.children;
    expect(list!.namespace).toBe(CRM);
    expect(list!.children[0]).toMatchObject({ name: 'd2p1:int', prefix: 'd2p1', localName: 'int', namespace: ARRAYS, text: '0' });
    expect(other!.children[0]!.namespace).toBe('urn:x');
  });

  it('reads a self-closing prefixed root (the untyped z:anyType response)', () => {
    const { root, bag } = read(`<z:anyType xmlns:i="${XSI}" xmlns:z="${SERIALIZATION}" />`);
    expect(bag.items).toEqual([]);
    expect(root).toMatchObject({ name: 'z:anyType', prefix: 'z', localName: 'anyType', namespace: SERIALIZATION, children: [] });
    expect(root!.text).toBeUndefined();
  });

  it('decodes entities in text and attributes, keeps CDATA as is', () => {
    const { root, bag } = read(`<a t='&quot;x&apos;'>&amp; &lt;b&gt; &#123;&#x7D; <![CDATA[<raw> &amp;]]></a>`);
    expect(bag.items).toEqual([]);
    expect(root!.attributes).toEqual([{ name: 't', value: `"x'` }]);
    expect(root!.text).toBe('& <b> {} <raw> &amp;');
  });

  it('skips the XML declaration, comments and DOCTYPE', () => {
    const { root, bag } = read('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE a>\n<!-- note -->\n<a><!-- inner --><b>1</b></a>');
    expect(bag.items).toEqual([]);
    expect(root).toMatchObject({ name: 'a', loc: { line: 4, column: 1 }, children: [{ name: 'b', text: '1' }] });
  });

  describe('malformed input: warns SS041, never throws, keeps the tree read so far', () => {
    function readBroken(text: string) {
      const result = read(text);
      expect(result.bag.items.length).toBeGreaterThan(0);
      expect(result.bag.items.every((d) => d.code === 'SS041' && d.severity === 'warning')).toBe(true);
      return result;
    }

    it('unclosed elements', () => {
      const { root, bag } = readBroken('<a><b>');
      expect(root).toMatchObject({ name: 'a', children: [{ name: 'b' }] });
      expect(bag.items.map((d) => d.message)).toEqual(['malformed XML sample: <b> is not closed', 'malformed XML sample: <a> is not closed']);
    });

    it('a mismatched end tag', () => {
      const { root } = readBroken('<a></b>');
      expect(root).toMatchObject({ name: 'a', children: [] });
    });

    it('an end tag that closes an outer element', () => {
      const { root, bag } = readBroken('<a><b><c>1</a><d/>');
      expect(root!.children[0]!.children[0]).toMatchObject({ name: 'c', text: '1' });
      expect(bag.items.map((d) => d.message).join('\n')).toMatch(/<c> is not closed[\s\S]*<b> is not closed[\s\S]*more than one root/);
    });

    it.each([
      ['a lone <', '<'],
      ['an unterminated start tag', '<a x="1'],
      ['an unterminated comment', '<a><!-- x'],
      ['an unterminated CDATA', '<a><![CDATA[x'],
      ['garbage', '<<>>&&; < / >'],
      ['plain text', 'String'],
      ['an undeclared prefix', '<p:a/>'],
      ['an unknown entity', '<a>&nbsp;&#xFFFFFFF;&constructor;</a>'],
      ['text after the root', '<a/>tail'],
      ['nothing', ''],
    ])('%s', (_, text) => {
      readBroken(text);
    });

    it('an unknown entity is kept as written', () => {
      const { root } = readBroken('<a>&nbsp;x</a>');
      expect(root!.text).toBe('&nbsp;x');
    });

    it('returns undefined when there is no element', () => {
      expect(readBroken('< / >').root).toBeUndefined();
    });
  });
});
