import { describe, expect, it } from 'vitest';
import { parseImportFile } from './importFile';

describe('parseImportFile', () => {
  it('reads a plain array and names the conversation after the file', () => {
    const draft = parseImportFile('Trip ideas.json', '[{"role":"user","content":"Where to?"},{"role":"assistant","content":"Lisbon.","extra":1}]');
    expect(draft).toEqual({ title: 'Trip ideas', messages: [{ role: 'user', content: 'Where to?' }, { role: 'assistant', content: 'Lisbon.' }] });
  });

  it('takes the title of an object that holds the messages', () => {
    expect(parseImportFile('x.json', '{"title":" Plans ","messages":[{"role":"system","content":"Be brief"}]}').title).toBe('Plans');
  });

  it('says what is wrong with a file it cannot import', () => {
    expect(() => parseImportFile('a.json', 'not json')).toThrow(/a.json is not JSON/);
    expect(() => parseImportFile('a.json', '{"foo":1}')).toThrow(/no message array/);
    expect(() => parseImportFile('a.json', '[]')).toThrow(/no messages/);
    expect(() => parseImportFile('a.json', '[{"role":"user"}]')).toThrow(/Message 1 needs/);
    expect(() => parseImportFile('a.json', '[{"role":"user","content":"a"},{"role":"tool","content":"b"}]')).toThrow(/Message 2 has the role "tool"/);
  });
});
