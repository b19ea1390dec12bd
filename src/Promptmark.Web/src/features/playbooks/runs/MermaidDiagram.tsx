import { useEffect, useId, useState } from 'react';
import { Alert, Loader, Stack } from '@mantine/core';
import mermaid from 'mermaid';
import { CodeText } from './CodeText';

// Strict: no click handlers or scripts in the diagram; plain SVG labels, so the drawing works as an image.
mermaid.initialize({ startOnLoad: false, securityLevel: 'strict', flowchart: { htmlLabels: false } });

/**
 * A mermaid diagram, drawn by mermaid (loaded only when an artifact needs it) and shown as an image: an SVG in an
 * image can run nothing and fetch nothing. A source that does not parse is shown as code with mermaid's reason.
 */
export default function MermaidDiagram({ source }: { source: string }) {
  const id = `mermaid-${useId().replace(/[^a-zA-Z0-9]/g, '')}`;
  const [drawn, setDrawn] = useState<{ svg?: string; error?: string }>({});
  useEffect(() => {
    let current = true;
    mermaid.render(id, source).then(
      ({ svg }) => current && setDrawn({ svg }),
      (e: unknown) => current && setDrawn({ error: e instanceof Error ? e.message : String(e) }),
    );
    return () => { current = false; };
  }, [id, source]);
  if (drawn.error) {
    return (
      <Stack gap="xs">
        <Alert color="yellow" title="The diagram could not be drawn">{drawn.error}</Alert>
        <CodeText text={source} />
      </Stack>
    );
  }
  if (!drawn.svg) return <Loader size="sm" aria-label="Drawing the diagram" />;
  return <img alt="Diagram" src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(drawn.svg)}`} style={{ maxWidth: '100%' }} data-testid="mermaid-diagram" />;
}
