import { Code, ScrollArea } from '@mantine/core';

/** Text shown as it is, in a scrollable code block. */
export function CodeText({ text }: { text: string }) {
  return <ScrollArea type="auto"><Code block>{text}</Code></ScrollArea>;
}
