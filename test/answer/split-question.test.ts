import { describe, expect, it } from 'vitest';
import { splitQuestion } from '../../src/answer/split-question.js';

describe('splitQuestion', () => {
  it('splits a question that asks two things at "and"/"et" followed by a new interrogative', () => {
    expect(splitQuestion('What was the total pledge at the Kisumu forum, and how many delegates took part?')).toEqual([
      'What was the total pledge at the Kisumu forum?',
      'how many delegates took part?',
    ]);
    expect(splitQuestion("Combien d'États membres compte le réseau et dans combien de pays intervient-il ?")).toEqual([
      "Combien d'États membres compte le réseau?",
      'dans combien de pays intervient-il ?',
    ]);
  });

  it('splits where the second interrogative follows a few words of a prepositional phrase', () => {
    expect(splitQuestion('En quelle année le fonds a-t-il été créé, et à partir de quand le réseau compte-t-il le financer ?')).toEqual([
      'En quelle année le fonds a-t-il été créé?',
      'à partir de quand le réseau compte-t-il le financer ?',
    ]);
    expect(splitQuestion('Who chaired the forum and for how long will the pledge run?')).toHaveLength(2);
  });

  it('splits where the second question opens with "qu\'" before an inverted verb', () => {
    expect(splitQuestion("Quel rôle le réseau a-t-il joué dans la conception du fonds, et qu'apporte-t-il aux communes ?")).toEqual([
      'Quel rôle le réseau a-t-il joué dans la conception du fonds?',
      "qu'apporte-t-il aux communes ?",
    ]);
  });

  it('gives a second part that leaves out what the first asked the words it left out', () => {
    expect(splitQuestion('Who spoke for the network at the Kisumu forum, and who for the city at the Mombasa forum?')).toEqual([
      'Who spoke for the network at the Kisumu forum?',
      'who spoke for the city at the Mombasa forum?',
    ]);
    expect(splitQuestion('Combien de délégués ont participé en 2021, et combien en 2022 ?')[1]).toBe('combien de délégués ont participé en 2022 ?');
  });

  it('keeps a question whole when "and" joins two things it asks about together', () => {
    expect(splitQuestion('Which programmes link the network with Mali and with Niger?')).toHaveLength(1);
    expect(splitQuestion('Quelles organisations et quels pays ont participé ?')).toHaveLength(1);
  });

  it('keeps a question whole when "and" joins two names and the interrogative after them opens a clause', () => {
    expect(splitQuestion('Which agreement did Paul Dervaux and Anne Kessler sign when they met?')).toHaveLength(1);
    expect(splitQuestion('Quel accord Paul Dervaux et Anne Kessler ont-ils signé quand ils se sont vus ?')).toHaveLength(1);
  });
});
