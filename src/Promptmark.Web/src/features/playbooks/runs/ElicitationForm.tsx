import { useState } from 'react';
import { Button, Group, Paper, Radio, Stack, Text, Textarea, Title } from '@mantine/core';
import type { PlaybookElicitation } from '@/lib/api/types';

/** What an awaiting run asks (`@elicit`): yes or no, one of its options, or free text; the answer lets the run go on. */
export function ElicitationForm({ elicitation, answering, onAnswer }: { elicitation: PlaybookElicitation; answering: boolean; onAnswer: (response: string) => void }) {
  const [text, setText] = useState('');
  const [choice, setChoice] = useState<string | null>(null);
  const options = elicitation.options ?? [];
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="elicitation-title" data-testid="elicitation">
      <Stack gap="sm">
        <Title order={2} size="h4" id="elicitation-title">Step {elicitation.step} asks</Title>
        <Text>{elicitation.prompt}</Text>
        {elicitation.type === 'confirm' ? (
          <Group>
            <Button loading={answering} onClick={() => onAnswer('yes')}>Yes</Button>
            <Button variant="default" disabled={answering} onClick={() => onAnswer('no')}>No</Button>
          </Group>
        ) : (
          <Stack gap="sm" component="form" onSubmit={(e) => { e.preventDefault(); onAnswer(elicitation.type === 'select' ? choice ?? '' : text); }}>
            {elicitation.type === 'select' ? (
              <Radio.Group label="Your choice" value={choice} onChange={setChoice}>
                <Stack gap={6} mt={6}>{options.map((o) => <Radio key={o} value={o} label={o} />)}</Stack>
              </Radio.Group>
            ) : (
              <Textarea label="Your answer" autosize minRows={2} value={text} onChange={(e) => setText(e.currentTarget.value)} />
            )}
            <Button type="submit" loading={answering} disabled={elicitation.type === 'select' ? !choice : !text.trim()} style={{ alignSelf: 'flex-start' }}>Answer</Button>
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
