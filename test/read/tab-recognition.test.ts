/**
 * Recognising a language tab: by the `<Lang> <Op> DTOs` link under its code, the `language-…`
 * class or the page's active `lang=` link, else its syntax; the tabs' nav in a text copy; and a tab
 * that is not read (PHP, Go, Rust, Ruby, Zig): one note, the rest of the page read.
 */
import { describe, expect, it } from 'vitest';
import { DiagnosticBag } from '../../generator/diagnostics.js';
import { readHtmlPage } from '../../generator/read/html-page.js';
import { isTabNav, sniffTabLanguage, tabByKey, tabOfDtoLink, tabStart } from '../../generator/read/tab-languages.js';
import { readTextPage } from '../../generator/read/text-page.js';
import { FIXTURE_TABS, tabHtmlPage, tabSource, tabTextPage } from './tab-pages.js';

const summary = (p: ReturnType<typeof readTextPage>) => p.dtoTypes.map((t) => `${t.lang} ${t.kind} ${t.name}: ${t.members.map((m) => m.name).join(',')}`);

describe('tab-languages', () => {
  it('knows each tab by the link ServiceStack writes under its code', () => {
    expect(
      ['C#', 'JavaScript', 'TypeScript', 'Dart', 'Java', 'Kotlin', 'Python', 'PHP', 'Swift', 'VB.NET', 'F#', 'Go', 'Rust', 'Ruby', 'Zig'].map((l) =>
        tabOfDtoLink(`${l} GetCustomer DTOs`),
      ),
    ).toEqual(['csharp', 'mjs', 'typescript', 'dart', 'java', 'kotlin', 'python', 'php', 'swift', 'vbnet', 'fsharp', 'go', 'rust', 'ruby', 'zig']);
    expect(['Kotlin DTOs', 'Cobol GetCustomer DTOs', 'See the Kotlin GetCustomer DTOs', 'Kotlin Get Customer DTOs'].map(tabOfDtoLink)).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });

  it('knows a key or a highlighter class', () => {
    expect(['kotlin', 'KOTLIN', 'cs', 'js', 'javascript', 'vb', 'fs', 'mjs', 'cobol'].map(tabByKey)).toEqual([
      'kotlin',
      'kotlin',
      'csharp',
      'mjs',
      'mjs',
      'vbnet',
      'fsharp',
      'mjs',
      undefined,
    ]);
  });

  it('knows the nav however a copy kept it, and nothing else', () => {
    const alone = () => undefined;
    const inNav = (offset: number) => (offset < 0 ? 'Metadata' : 'Kotlin');
    expect(['Metadata', 'C#', 'VB.NET', 'F#'].every((l) => isTabNav(l, inNav))).toBe(true);
    expect(['Metadata C# JavaScript TypeScript Dart', 'MetadataC#JavaScriptTypeScriptDartJavaKotlin'].every((l) => isTabNav(l, alone))).toBe(true);
    // An operation named like a link: a heading, with no other link next to it.
    expect(['Metadata', 'Go', 'Metadata about customers', 'C# code', 'Customers', 'Metadata:'].some((l) => isTabNav(l, alone))).toBe(false);
  });

  it('keeps an operation named like a tab', () => {
    const text = tabTextPage('Kotlin', tabSource('kotlin')).replace('\nGetCustomer\n', '\nMetadata\n');
    expect(readTextPage('x.txt', text, new DiagnosticBag()).operationName?.value).toBe('Metadata');
  });

  it("knows where each tab's source starts, and no page line for one", () => {
    const firsts = FIXTURE_TABS.map(({ key }) => tabSource(key).split('\n')[0]!);
    expect(firsts.map(tabStart)).toEqual(['kotlin', 'java', 'swift', 'dart', 'vbnet', 'csharp', 'mjs']); // F#'s `namespace X` is C#'s too: the rest tells
    const starts: [string, string][] = [
      ['/* Options:', 'options'],
      ['// @ts-nocheck', 'typescript'],
      ['export class Hello', 'typescript'],
      ['using System;', 'csharp'],
      ['[Route("/hello")]', 'csharp'],
      ['public partial class Hello', 'csharp'],
      ['import datetime', 'python'],
      ['from typing import *', 'python'],
      ['@dataclass', 'python'],
      ['library dtos;', 'dart'],
      ['open class Hello : IReturn<HelloResponse>', 'kotlin'],
      ['<?php namespace dtos;', 'php'],
      ['package dtos', 'go'],
      ['use serde::{Deserialize, Serialize};', 'rust'],
      ['#![allow(dead_code)]', 'rust'],
      ['# frozen_string_literal: true', 'ruby'],
      ['const std = @import("std");', 'zig'],
    ];
    expect(starts.map(([line]) => tabStart(line))).toEqual(starts.map(([, lang]) => lang));
    const pageLines = [
      'The following routes are available for this service:',
      'Requires Authentication',
      'NameParameterData TypeRequiredDescription',
      'GET/customers/{Id}',
      'Imports customers from a file',
      'open the customer',
      'Customer Parameters:',
      '| Name | Parameter | Data Type | Required | Description |',
    ];
    expect(pageLines.map(tabStart)).toEqual(pageLines.map(() => undefined));
  });

  it('tells each language by its syntax, C# from F# by more than their first line', () => {
    expect(FIXTURE_TABS.map(({ key }) => sniffTabLanguage(tabSource(key).split('\n')))).toEqual(FIXTURE_TABS.map(({ key }) => key));
    expect(sniffTabLanguage(['namespace MyApp', '{', '    public class Hello', '    {', '        public string Name { get; set; }'])).toBe('csharp');
    expect(sniffTabLanguage(['Customers', 'are listed'])).toBeUndefined();
  });
});

describe('a text copy of a tab page', () => {
  it.each(FIXTURE_TABS)('reads the $label source with or without its link line, the nav lines quietly', ({ key, label }) => {
    const source = tabSource(key);
    const withLink = new DiagnosticBag();
    const linked = readTextPage(`x.${key}.txt`, tabTextPage(label, source), withLink);
    const withoutLink = new DiagnosticBag();
    const sniffed = readTextPage(`x.${key}.txt`, tabTextPage(label, source, false), withoutLink);
    expect([withLink.items, withoutLink.items]).toEqual([[], []]);
    expect(summary(sniffed)).toEqual(summary(linked));
    expect(linked.dtoTypes.length).toBeGreaterThan(3);
    expect(linked.routes.map((r) => r.path)).toEqual(['/customers/{Id}', '/customers/{Id}/profile']);
    expect(linked.samples).toHaveLength(2);
  });
});

describe('an HTML tab page', () => {
  it.each(FIXTURE_TABS)('reads the $label source by its class, by the active nav link, or by its syntax', ({ key, label }) => {
    const source = tabSource(key);
    const byClass = readHtmlPage(`x.${key}.html`, tabHtmlPage(key, label, source), new DiagnosticBag());
    const byNav = readHtmlPage(`x.${key}.html`, tabHtmlPage(key, label, source, 'plaintext'), new DiagnosticBag());
    const bySyntax = readHtmlPage(`x.${key}.html`, tabHtmlPage('none', label, source, 'plaintext'), new DiagnosticBag());
    expect(summary(byNav)).toEqual(summary(byClass));
    expect(summary(bySyntax)).toEqual(summary(byClass));
    expect(byClass.dtoTypes.length).toBeGreaterThan(3);
  });
});

/** Sources of the tabs this generator does not read, as their generators start them. */
const UNREAD: [string, string, string][] = [
  [
    'php',
    'PHP',
    '<?php namespace dtos;\n\nuse ServiceStack\\{IReturn,IGet};\n\nclass GetCustomer implements IReturn, IGet, JsonSerializable\n{\n    public function __construct(\n        public int $id=0\n    ) {\n    }\n}',
  ],
  ['go', 'Go', 'package dtos\n\ntype GetCustomer struct {\n\tId int `json:"id"`\n}'],
  [
    'rust',
    'Rust',
    'use serde::{Deserialize, Serialize};\n\n#[derive(Serialize, Deserialize, Debug, Clone, PartialEq)]\npub struct GetCustomer {\n    pub id: i32,\n}',
  ],
  [
    'ruby',
    'Ruby',
    "# frozen_string_literal: true\n# encoding: utf-8\n\nrequire 'servicestack'\n\nclass GetCustomer\n  include ServiceStack::DTO\n  attr_accessor :id\nend",
  ],
  ['zig', 'Zig', 'const std = @import("std");\n\npub const GetCustomer = struct {\n    id: i32 = 0,\n};'],
];

describe('a tab this generator does not read', () => {
  it.each(UNREAD)('%s: one note (SS097), its routes and samples read, in HTML and in text, link or no link', (key, label, source) => {
    for (const [form, read] of [
      ['html', (bag: DiagnosticBag) => readHtmlPage(`x.${key}.html`, tabHtmlPage(key, label, source), bag)],
      ['html by syntax', (bag: DiagnosticBag) => readHtmlPage(`x.${key}.html`, tabHtmlPage('none', label, source, 'plaintext'), bag)],
      ['text', (bag: DiagnosticBag) => readTextPage(`x.${key}.txt`, tabTextPage(label, source), bag)],
      ['text without link', (bag: DiagnosticBag) => readTextPage(`x.${key}.txt`, tabTextPage(label, source, false), bag)],
    ] as const) {
      const bag = new DiagnosticBag();
      const page = read(bag);
      expect(
        bag.items.map((d) => `${d.code} ${d.severity}`),
        `${key} ${form}`,
      ).toEqual(['SS097 info']);
      expect(bag.items[0]!.message).toContain(`the ${label} DTO source is not read`);
      expect([page.operationName?.value, page.routes.length, page.samples.length, page.dtoTypes.length], `${key} ${form}`).toEqual(['GetCustomer', 2, 2, 0]);
    }
  });
});
