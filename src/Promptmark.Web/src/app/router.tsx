import { createBrowserRouter } from 'react-router';
import { AppLayout } from '@/components/AppLayout';
import { RequireAuth } from '@/features/auth/RequireAuth';
import { PageSkeleton } from '@/components/PageSkeleton';
import { NotFoundPage } from '@/components/NotFoundPage';

// Each page is its own chunk (route-level code splitting); the shell, auth and data layer load first.
export const router = createBrowserRouter([
  { path: '/sign-in', lazy: () => import('@/features/auth/SignInPage') },
  { path: '/sign-up', lazy: () => import('@/features/auth/SignUpPage') },
  {
    element: (
      <RequireAuth>
        <AppLayout />
      </RequireAuth>
    ),
    hydrateFallbackElement: <PageSkeleton />,
    children: [
      { index: true, lazy: () => import('@/features/prompts/library/LibraryPage') },
      { path: 'prompts/new', lazy: () => import('@/features/prompts/editor/PromptEditorPage') },
      {
        path: 'prompts/:id',
        lazy: () => import('@/features/prompts/PromptLayout'),
        children: [
          { index: true, lazy: () => import('@/features/prompts/editor/PromptEditorPage') },
          { path: 'use', lazy: () => import('@/features/prompts/use/UseTemplatePage') },
          { path: 'versions', lazy: () => import('@/features/prompts/versions/VersionsPage') },
          { path: 'versions/:number', lazy: () => import('@/features/prompts/versions/VersionsPage') },
          { path: 'responses', lazy: () => import('@/features/prompts/responses/ResponsesPage') },
        ],
      },
      { path: 'skills', lazy: () => import('@/features/skills/SkillsPage') },
      { path: 'skills/new', lazy: () => import('@/features/skills/SkillEditorPage') },
      { path: 'skills/:id', lazy: () => import('@/features/skills/SkillEditorPage') },
      { path: 'connections', lazy: () => import('@/features/connections/ConnectionsPage') },
      { path: 'connections/new', lazy: () => import('@/features/connections/ConnectionEditorPage') },
      { path: 'connections/executions', lazy: () => import('@/features/connections/executions/ExecutionsPage') },
      { path: 'connections/:id', lazy: () => import('@/features/connections/ConnectionPage') },
      { path: 'connections/:id/edit', lazy: () => import('@/features/connections/ConnectionEditorPage') },
      { path: 'connections/:id/tools/:toolName', lazy: () => import('@/features/connections/tools/ToolPage') },
      { path: 'collections', lazy: () => import('@/features/collections/CollectionsPage') },
      { path: 'tags', lazy: () => import('@/features/tags/TagsPage') },
      { path: 'settings', lazy: () => import('@/features/settings/SettingsPage') },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
