import { createBrowserRouter, Outlet } from 'react-router';
import { AppLayout } from '@/components/AppLayout';
import { RequireAuth } from '@/features/auth/RequireAuth';
import { PageSkeleton } from '@/components/PageSkeleton';
import { NotFoundPage } from '@/components/NotFoundPage';
import { documentTitle } from './documentTitle';

// Each page is its own chunk (route-level code splitting); the shell, auth and data layer load first.
export const router = createBrowserRouter([
  { path: '/sign-in', handle: { title: 'Sign in' }, lazy: () => import('@/features/auth/SignInPage') },
  { path: '/sign-up', handle: { title: 'Sign up' }, lazy: () => import('@/features/auth/SignUpPage') },
  {
    path: '/authorize', handle: { title: 'Authorize an app' },
    element: <RequireAuth><Outlet /></RequireAuth>,
    children: [{ index: true, lazy: () => import('@/features/oauth/ConsentPage') }],
  },
  {
    element: (
      <RequireAuth>
        <AppLayout />
      </RequireAuth>
    ),
    hydrateFallbackElement: <PageSkeleton />,
    children: [
      { index: true, handle: { title: 'Library' }, lazy: () => import('@/features/prompts/library/LibraryPage') },
      { path: 'prompts/new', handle: { title: 'New prompt' }, lazy: () => import('@/features/prompts/editor/PromptEditorPage') },
      {
        path: 'prompts/:id', handle: { title: 'Prompt' },
        lazy: () => import('@/features/prompts/PromptLayout'),
        children: [
          { index: true, handle: { title: 'Edit prompt' }, lazy: () => import('@/features/prompts/editor/PromptEditorPage') },
          { path: 'use', handle: { title: 'Use template' }, lazy: () => import('@/features/prompts/use/UseTemplatePage') },
          { path: 'versions', handle: { title: 'Versions' }, lazy: () => import('@/features/prompts/versions/VersionsPage') },
          { path: 'versions/:number', handle: { title: 'Versions' }, lazy: () => import('@/features/prompts/versions/VersionsPage') },
          { path: 'responses', handle: { title: 'Responses' }, lazy: () => import('@/features/prompts/responses/ResponsesPage') },
        ],
      },
      { path: 'skills', handle: { title: 'Skills' }, lazy: () => import('@/features/skills/SkillsPage') },
      { path: 'skills/new', handle: { title: 'New skill' }, lazy: () => import('@/features/skills/SkillEditorPage') },
      { path: 'skills/:id', handle: { title: 'Skill' }, lazy: () => import('@/features/skills/SkillEditorPage') },
      { path: 'playbooks', handle: { title: 'Playbooks' }, lazy: () => import('@/features/playbooks/PlaybooksPage') },
      { path: 'playbooks/new', handle: { title: 'New playbook' }, lazy: () => import('@/features/playbooks/PlaybookEditorPage') },
      {
        path: 'playbooks/:id', handle: { title: 'Playbook' },
        lazy: () => import('@/features/playbooks/PlaybookLayout'),
        children: [
          { index: true, handle: { title: 'Edit playbook' }, lazy: () => import('@/features/playbooks/PlaybookEditorPage') },
          { path: 'versions', handle: { title: 'Playbook versions' }, lazy: () => import('@/features/playbooks/PlaybookVersionsPage') },
          { path: 'connect', handle: { title: 'Connect playbook' }, lazy: () => import('@/features/playbooks/PlaybookConnectPage') },
          { path: 'runs', handle: { title: 'Playbook runs' }, lazy: () => import('@/features/playbooks/runs/PlaybookRunsPage') },
          { path: 'runs/:executionId', handle: { title: 'Playbook run' }, lazy: () => import('@/features/playbooks/runs/RunPage') },
        ],
      },
      { path: 'connections', handle: { title: 'Connections' }, lazy: () => import('@/features/connections/ConnectionsPage') },
      { path: 'connections/new', handle: { title: 'New connection' }, lazy: () => import('@/features/connections/ConnectionEditorPage') },
      { path: 'connections/oauth/callback', handle: { title: 'Signing in' }, lazy: () => import('@/features/connections/OAuthCallbackPage') },
      { path: 'connections/executions', handle: { title: 'Executions' }, lazy: () => import('@/features/connections/executions/ExecutionsPage') },
      { path: 'connections/:id', handle: { title: 'Connection' }, lazy: () => import('@/features/connections/ConnectionPage') },
      { path: 'connections/:id/edit', handle: { title: 'Edit connection' }, lazy: () => import('@/features/connections/ConnectionEditorPage') },
      { path: 'connections/:id/tools/:toolName', handle: { title: 'Tool' }, lazy: () => import('@/features/connections/tools/ToolPage') },
      { path: 'conversations', handle: { title: 'Conversations' }, lazy: () => import('@/features/conversations/list/ConversationsPage') },
      { path: 'conversations/:id', handle: { title: 'Conversation' }, lazy: () => import('@/features/conversations/chat/ChatPage') },
      { path: 'collections', handle: { title: 'Collections' }, lazy: () => import('@/features/collections/CollectionsPage') },
      { path: 'tags', handle: { title: 'Tags' }, lazy: () => import('@/features/tags/TagsPage') },
      { path: 'settings', handle: { title: 'Settings' }, lazy: () => import('@/features/settings/SettingsPage') },
      { path: '*', handle: { title: 'Not found' }, element: <NotFoundPage /> },
    ],
  },
]);

const syncTitle = () => { document.title = documentTitle(router.state.matches); };
router.subscribe(syncTitle);
syncTitle();
