import { describe, expect, it } from 'vitest';
import { render } from '@testing-library/react';
import { MantineProvider } from '@mantine/core';
import { Markdown } from './Markdown';

// Mantine asks for the colour scheme and watches sizes (ScrollArea), neither of which jsdom implements.
globalThis.ResizeObserver ??= class { observe() {} unobserve() {} disconnect() {} };
window.matchMedia ??= (query: string) => ({
  matches: false, media: query, onchange: null, addListener: () => {}, removeListener: () => {},
  addEventListener: () => {}, removeEventListener: () => {}, dispatchEvent: () => false,
});

const draw = (text: string) => render(<MantineProvider><Markdown text={text} /></MantineProvider>).container;

describe('Markdown', () => {
  it('shows raw HTML as text and never as elements', () => {
    const page = draw('Hello <script>alert(1)</script> <img src="http://127.0.0.1/x" onerror="alert(2)"> <b>bold</b>');
    expect(page.querySelector('script, img, b')).toBeNull();
    expect(page.textContent).toContain('<script>alert(1)</script>');
  });

  it('drops script links and opens the others in a new tab without an opener', () => {
    const page = draw('[bad](javascript:alert(1)) and [good](https://example.com/doc)');
    const links = [...page.querySelectorAll('a')];
    expect(links.map((a) => a.getAttribute('href'))).toEqual(['', 'https://example.com/doc']);
    expect(links[1]!.getAttribute('rel')).toContain('noopener');
    expect(links[1]!.getAttribute('target')).toBe('_blank');
  });

  it('turns an image into a link, so that an answer cannot make the browser fetch an address', () => {
    const page = draw('![chart](https://example.com/track.png)');
    expect(page.querySelector('img')).toBeNull();
    expect(page.querySelector('a')?.textContent).toBe('chart (image link)');
  });

  it('draws a fenced block with its language and a copy button, and GitHub tables', () => {
    const page = draw('```ts\nconst a = 1;\n```\n\n| a | b |\n| - | - |\n| 1 | 2 |');
    expect(page.querySelector('pre')?.textContent).toBe('const a = 1;');
    expect(page.querySelector('button[aria-label="Copy ts code"]')).not.toBeNull();
    expect(page.querySelector('table')?.textContent).toContain('12');
  });
});
