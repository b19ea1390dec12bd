import ReactMarkdown, { type Components } from 'react-markdown';
import remarkGfm from 'remark-gfm';
import type { Element, ElementContent } from 'hast';
import { ActionIcon, Anchor, Code, Group, Paper, ScrollArea, Table, Text, Tooltip } from '@mantine/core';
import { IconCopy } from '@tabler/icons-react';
import { copyText } from '@/lib/clipboard';
import classes from './Markdown.module.css';

const textOf = (nodes: ElementContent[]): string =>
  nodes.map((n) => (n.type === 'text' ? n.value : n.type === 'element' ? textOf(n.children) : '')).join('');

function CodeBlock({ node }: { node?: Element }) {
  const code = node?.children.find((c): c is Element => c.type === 'element' && c.tagName === 'code');
  const text = code ? textOf(code.children).replace(/\n$/, '') : '';
  const classNames = code?.properties.className;
  const language = (Array.isArray(classNames) ? classNames : []).map(String).find((c) => c.startsWith('language-'))?.slice('language-'.length);
  return (
    <Paper withBorder radius="sm" my="xs" className={classes.codeBlock}>
      <Group justify="space-between" px="xs" py={2} className={classes.codeBar}>
        <Text size="xs" c="dimmed" className="pm-mono">{language ?? 'code'}</Text>
        <Tooltip label="Copy code">
          <ActionIcon size="sm" variant="subtle" color="gray" aria-label={`Copy ${language ?? ''} code`.replace('  ', ' ')} onClick={() => copyText(text, 'Code copied')}>
            <IconCopy size={14} />
          </ActionIcon>
        </Tooltip>
      </Group>
      <ScrollArea type="auto"><pre className={classes.pre}><code>{text}</code></pre></ScrollArea>
    </Paper>
  );
}

/**
 * How each element is drawn. Raw HTML in the text is never rendered (react-markdown shows it as text without
 * rehype-raw) and unsafe link schemes are dropped by its URL filter; images are shown as links, so a model's
 * answer cannot make the browser fetch an address by itself.
 */
const components: Components = {
  pre: ({ node }) => <CodeBlock node={node} />,
  code: ({ children }) => <Code>{children}</Code>,
  a: ({ href, children }) => <Anchor href={href} target="_blank" rel="noopener noreferrer nofollow">{children}</Anchor>,
  img: ({ src, alt }) => <Anchor href={typeof src === 'string' ? src : undefined} target="_blank" rel="noopener noreferrer nofollow">{alt || 'image'} (image link)</Anchor>,
  table: ({ children }) => <Table.ScrollContainer minWidth={300}><Table withTableBorder withColumnBorders>{children}</Table></Table.ScrollContainer>,
};

/** Markdown as a model writes it (GitHub flavour), rendered safely. */
export function Markdown({ text }: { text: string }) {
  return (
    <div className={classes.markdown}>
      <ReactMarkdown remarkPlugins={[remarkGfm]} components={components}>{text}</ReactMarkdown>
    </div>
  );
}
