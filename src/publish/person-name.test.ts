/** Splitting arXiv author names into family and given names (person-name.ts), rule by rule. */
import { describe, expect, it } from 'vitest';
import { splitName } from './person-name.js';

const split = (name: string) => {
  const n = splitName(name);
  return n && [n.family, n.given, n.suffix];
};

describe('splitName', () => {
  it('should take the last word as the family name of a Western name', () => {
    expect(split('Xinze Zhang')).toEqual(['Zhang', 'Xinze', '']);
    expect(split('J. R. R. Tolkien')).toEqual(['Tolkien', 'J. R. R.', '']);
    expect(split('Jean-Pierre  Serre')).toEqual(['Serre', 'Jean-Pierre', '']);
    expect(split('Le Zhang')).toEqual(['Zhang', 'Le', '']);
  });

  it('should keep particles with the family name, lowercase ones as BibTeX does', () => {
    expect(split('Ludwig van Beethoven')).toEqual(['van Beethoven', 'Ludwig', '']);
    expect(split('Johannes van der Waals')).toEqual(['van der Waals', 'Johannes', '']);
    expect(split('Maria de los Angeles Garcia')).toEqual(['de los Angeles Garcia', 'Maria', '']);
    expect(split('Ryan De Vooght')).toEqual(['De Vooght', 'Ryan', '']);
    expect(split('Da Silva')).toEqual(['Silva', 'Da', '']);
  });

  it('should read suffixes, commas and a family name in capitals written first', () => {
    expect(split('Martin Luther King Jr.')).toEqual(['King', 'Martin Luther', 'Jr.']);
    expect(split('John Smith, Jr.')).toEqual(['Smith', 'John', 'Jr.']);
    expect(split('Smith, John')).toEqual(['Smith', 'John', '']);
    expect(split('Smith, Jr., John')).toEqual(['Smith', 'John', 'Jr.']);
    expect(split('ZHANG Xinze')).toEqual(['ZHANG', 'Xinze', '']);
    expect(split('IBM Research Team')).toBeNull();
  });

  it('should split Chinese, Japanese and Korean names family first', () => {
    expect(split('张新泽')).toEqual(['张', '新泽', '']);
    expect(split('王伟')).toEqual(['王', '伟', '']);
    expect(split('欧阳修')).toEqual(['欧阳', '修', '']);
    expect(split('司马相如')).toEqual(['司马', '相如', '']);
    expect(split('山田太郎')).toEqual(['山田', '太郎', '']);
    expect(split('田中さくら')).toEqual(['田中', 'さくら', '']);
    expect(split('山田 太郎')).toEqual(['山田', '太郎', '']);
    expect(split('김민수')).toEqual(['김', '민수', '']);
    expect(split('남궁민수')).toEqual(['남궁', '민수', '']);
  });

  it('should keep bodies and single words whole, and drop a stray leading "and"', () => {
    expect(split('ATLAS Collaboration')).toBeNull();
    expect(split('The LIGO Scientific Consortium')).toBeNull();
    expect(split('Kimi Team')).toBeNull();
    expect(split('Aristotle')).toBeNull();
    expect(split('')).toBeNull();
    expect(split('and Wen Tong')).toEqual(['Tong', 'Wen', '']);
  });
});
