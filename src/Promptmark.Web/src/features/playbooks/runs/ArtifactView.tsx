import { lazy, Suspense } from 'react';
import { Loader, Paper, Text, Title } from '@mantine/core';
import { Markdown } from '@/components/Markdown';
import type { PlaybookArtifact } from '@/lib/api/types';
import { CodeText } from './CodeText';

const MermaidDiagram = lazy(() => import('./MermaidDiagram'));

/** JSON laid out with two-space indents, or the text as it came when it is not JSON. */
export function prettyJson(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}

/**
 * A completed run's artifact, drawn by its type: markdown rendered safely (no raw HTML), JSON pretty, mermaid as a
 * diagram, html_css in a frame sandboxed with no permissions at all (no scripts, no same origin), anything else as code.
 */
export function ArtifactView({ artifact }: { artifact: PlaybookArtifact }) {
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="run-artifact" data-testid="run-artifact">
      <Title order={2} size="h4" id="run-artifact" mb="sm">Artifact {artifact.type && <Text span c="dimmed" size="sm">({artifact.type})</Text>}</Title>
      <ArtifactBody type={artifact.type} content={artifact.content} />
    </Paper>
  );
}

function ArtifactBody({ type, content }: { type: string; content: string }) {
  switch (type) {
    case 'markdown':
      return <Markdown text={content} />;
    case 'json':
      return <CodeText text={prettyJson(content)} />;
    case 'mermaid':
      return <Suspense fallback={<Loader size="sm" />}><MermaidDiagram source={content} /></Suspense>;
    case 'html_css':
      return <iframe title="Artifact preview" sandbox="" srcDoc={content} style={{ width: '100%', minHeight: 420, border: 0, background: 'white' }} />;
    default:
      return <CodeText text={content} />;
  }
}
