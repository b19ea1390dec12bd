import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A call of one of the offered tools, as the model would make it: `arguments` is the JSON object it passes. */
export interface ScriptedToolCall { id: string; name: string; arguments: Record<string, unknown> }

/**
 * What the next chat completion answers: a text (or tool calls, with `text` empty) with the usage to report, or an error
 * as OpenAI sends one; held back until `after` settles when given (so a test can look at the page while the model is
 * still "thinking"). A streamed answer sends `text`, then `rest.text` once `rest.after` settles (so a test sees the
 * answer half-written); a plain one waits for it and answers both.
 */
export type ScriptedReply =
  | { text: string; rest?: { text: string; after: Promise<void> }; toolCalls?: ScriptedToolCall[]; inputTokens?: number; outputTokens?: number; after?: Promise<void> }
  | { status: number; message: string };

/** A chat completion request as it arrived. */
export interface ReceivedChat {
  model: string;
  messages: { role: string; content: string | null; tool_call_id?: string }[];
  /** The names of the tools the model was offered. */
  tools: string[];
  stream: boolean;
  /** Whether Promptmark hung up before the answer was complete (a stopped turn cancels its model call). */
  abandoned: boolean;
}

const readJson = (request: IncomingMessage) => new Promise<Record<string, unknown>>((ok, fail) => {
  let body = '';
  request.setEncoding('utf8');
  request.on('data', (chunk: string) => { body += chunk; });
  request.on('end', () => { try { ok(body ? JSON.parse(body) : {}); } catch (e) { fail(e); } });
  request.on('error', fail);
});

const send = (response: ServerResponse, status: number, body: unknown) => {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify(body));
};

const assistantMessage = ({ text, toolCalls }: { text: string; toolCalls?: ScriptedToolCall[] | undefined }) => (toolCalls
  ? {
    role: 'assistant', content: text || null,
    tool_calls: toolCalls.map((c) => ({ id: c.id, type: 'function', function: { name: c.name, arguments: JSON.stringify(c.arguments) } })),
  }
  : { role: 'assistant', content: text });

const usage = (input: number, output: number) => ({ prompt_tokens: input, completion_tokens: output, total_tokens: input + output });

/**
 * A scripted OpenAI-compatible model server on a free 127.0.0.1 port, speaking the real wire format:
 * `GET /v1/models` and `POST /v1/chat/completions` (a `chat.completion`, or `chat.completion.chunk` events ending in
 * `data: [DONE]` when asked to stream), errors as `{error: {message, type}}`. Each chat takes the next scripted reply;
 * with none left it answers 500, so a test never passes on an answer it did not script.
 */
export async function startOpenAiServer(models: string[]) {
  const replies: ScriptedReply[] = [];
  const received: ReceivedChat[] = [];

  const server = createServer(async (request, response) => {
    const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    if (request.method === 'GET' && path === '/v1/models') {
      send(response, 200, { object: 'list', data: models.map((id) => ({ id, object: 'model', created: 1_700_000_000, owned_by: 'e2e' })) });
      return;
    }
    if (request.method !== 'POST' || path !== '/v1/chat/completions') {
      send(response, 404, { error: { message: `no route ${request.method} ${path}`, type: 'invalid_request_error' } });
      return;
    }
    const body = await readJson(request);
    const offered = (body.tools ?? []) as { function: { name: string } }[];
    const chat: ReceivedChat = {
      model: String(body.model), messages: (body.messages ?? []) as ReceivedChat['messages'], tools: offered.map((t) => t.function.name), stream: body.stream === true, abandoned: false,
    };
    received.push(chat);
    response.on('close', () => { chat.abandoned = !response.writableFinished; });
    const reply = replies.shift() ?? { status: 500, message: 'the e2e model server has no scripted reply left' };
    if ('status' in reply) {
      send(response, reply.status, { error: { message: reply.message, type: reply.status === 429 ? 'rate_limit_exceeded' : 'invalid_request_error', code: null } });
      return;
    }
    await reply.after;
    const [input, output] = [reply.inputTokens ?? 10, reply.outputTokens ?? 5];
    const finish = reply.toolCalls ? 'tool_calls' : 'stop';
    if (chat.stream) {
      response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
      const chunk = (choices: unknown[], u: unknown = null) =>
        response.write(`data: ${JSON.stringify({ id: 'chatcmpl-e2e', object: 'chat.completion.chunk', created: 1_700_000_000, model: chat.model, choices, usage: u })}\n\n`);
      const delta = (d: unknown) => chunk([{ index: 0, delta: d, finish_reason: null }]);
      delta({ role: 'assistant', content: reply.text });
      if (reply.rest) {
        await reply.rest.after;
        if (response.destroyed) return;
        delta({ content: reply.rest.text });
      }
      reply.toolCalls?.forEach((c, index) =>
        delta({ tool_calls: [{ index, id: c.id, type: 'function', function: { name: c.name, arguments: JSON.stringify(c.arguments) } }] }));
      chunk([{ index: 0, delta: {}, finish_reason: finish }]);
      chunk([], usage(input, output));
      response.end('data: [DONE]\n\n');
      return;
    }
    await reply.rest?.after;
    send(response, 200, {
      id: 'chatcmpl-e2e', object: 'chat.completion', created: 1_700_000_000, model: chat.model,
      choices: [{ index: 0, message: assistantMessage({ ...reply, text: reply.text + (reply.rest?.text ?? '') }), finish_reason: finish }],
      usage: usage(input, output),
    });
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;

  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    /** Queues the answers of the next chat completions, in order. */
    script: (...next: ScriptedReply[]) => { replies.push(...next); },
    received,
    stop: () => new Promise<void>((ok) => { server.closeAllConnections(); server.close(() => ok()); }),
  };
}
