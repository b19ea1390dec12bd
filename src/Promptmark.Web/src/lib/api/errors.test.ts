import { describe, expect, it } from 'vitest';
import { ApiError, errorMessage, fieldErrorsOf, problemListOf, problemMessage, toApiError } from './errors';

describe('problemMessage', () => {
  it("prefers the problem's detail, as a sentence", () => {
    expect(problemMessage(404, { title: 'Not found', detail: 'prompt 42 was not found' })).toBe('Prompt 42 was not found');
  });

  it('falls back to the field messages of a 400, then the title', () => {
    expect(problemMessage(400, { title: 'Invalid', errors: { self_rating: ['must be between 0 and 5'], title: 'is required' } }))
      .toBe('Self rating: must be between 0 and 5. Title: is required');
    expect(problemMessage(409, { title: 'Conflict' })).toBe('Conflict');
  });

  it('uses a plain sentence for bodies without a message, never an HTML page', () => {
    expect(problemMessage(500, '<html>oops</html>')).toMatch(/went wrong on the server/);
    expect(problemMessage(429, undefined)).toMatch(/Too many attempts/);
    expect(problemMessage(418, null)).toBe('The request failed (418).');
    expect(problemMessage(0, undefined)).toMatch(/could not be reached/);
  });
});

describe('ApiError', () => {
  it('keeps the status and the first message per field', () => {
    const error = toApiError(400, { detail: 'Invalid input', errors: { email: ['is taken', 'x'] } });
    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(400);
    expect(error.field('email')).toBe('is taken');
    expect(error.field('password')).toBeUndefined();
    expect(errorMessage(error)).toBe('Invalid input');
  });

  it('ignores malformed errors members', () => {
    expect(fieldErrorsOf({ errors: ['a'] })).toEqual({});
    expect(fieldErrorsOf({ errors: { a: [1, 'ok'], b: [] } })).toEqual({ a: ['ok'] });
    expect(errorMessage('weird')).toBe('Something went wrong.');
  });

  it('keeps a list of problems (a tool\'s 422) in order, apart from the field messages', () => {
    const error = toApiError(422, { detail: 'The arguments do not fit the tool\'s input schema.', errors: ['message: is required', 'count: must be at most 10'] });
    expect(error.problems).toEqual(['message: is required', 'count: must be at most 10']);
    expect(error.fieldErrors).toEqual({});
    expect(error.message).toBe('The arguments do not fit the tool\'s input schema.');
    expect(problemListOf({ errors: { a: ['x'] } })).toEqual([]);
    expect(problemListOf({ errors: ['ok', 3] })).toEqual(['ok']);
  });
});
