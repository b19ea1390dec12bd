import type { components } from './schema';

type Schemas = components['schemas'];
export type Prompt = Schemas['PromptView'];
export type PromptPage = Schemas['PromptPage'];
export type PromptSchema = Schemas['PromptSchema'];
export type VariableSchema = Schemas['VariableSchema'];
export type TemplateWarning = Schemas['TemplateWarning'];
export type InputProblem = Schemas['InputProblem'];
export type Collection = Schemas['CollectionView'];
export type TagUsage = Schemas['TagUsage'];
export type ApiKey = Schemas['ApiKeyView'];
export type CreatedApiKey = Schemas['CreatedApiKey'];
export type VersionSummary = Schemas['PromptVersionSummary'];
export type PromptHistory = Schemas['PromptHistory'];
export type VersionView = Schemas['PromptVersionView'];
export type VersionDiff = Schemas['VersionDiff'];
export type DiffLine = Schemas['DiffLine'];
export type CapturedResponseSummary = Schemas['CapturedResponseSummary'];
export type CapturedResponse = Schemas['CapturedResponseView'];
export type User = Schemas['UserView'];

/** Prompt types the API knows (create_prompt's `type_id`). */
export const promptTypes = [
  { value: 'general', label: 'General' },
  { value: 'system', label: 'System' },
  { value: 'query', label: 'Query' },
  { value: 'agent', label: 'Agent' },
  { value: 'text-to-code', label: 'Text to code' },
  { value: 'text-to-image', label: 'Text to image' },
  { value: 'text-to-video', label: 'Text to video' },
  { value: 'text-to-speech', label: 'Text to speech' },
] as const;

export const typeLabel = (id: string) => promptTypes.find((t) => t.value === id)?.label ?? id;

export type ScanFinding = Schemas['ScanFinding'];
export type ScanView = Schemas['ScanView'];
export type SkillSummary = Schemas['SkillSummary'];
export type SkillPage = Schemas['SkillPage'];
export type Skill = Schemas['SkillView'];
export type Connection = Schemas['ConnectionView'];
export type ConnectionTestResult = Schemas['ConnectionTestResult'];
export type McpToolSummary = Schemas['McpToolSummary'];
export type McpTool = Schemas['McpToolView'];
export type ToolExecutionResult = Schemas['ToolExecutionResult'];
export type Execution = Schemas['ExecutionView'];
export type Provider = Schemas['ProviderView'];
export type ProviderList = Schemas['ProviderList'];
export type Model = Schemas['ModelView'];
export type ModelList = Schemas['ModelList'];
export type Conversation = Schemas['ConversationView'];
export type ConversationMessage = Schemas['MessageView'];
export type AttachedTool = Schemas['AttachedTool'];
export type MessageToolCall = Schemas['MessageToolCall'];
export type SentMessage = Schemas['SentMessage'];
export type PendingAuthorization = Schemas['PendingAuthorization'];
export type PendingInput = Schemas['PendingInput'];
export type Playbook = Schemas['PlaybookView'];
export type PlaybookPage = Schemas['PlaybookPage'];
export type PlaybookParseResult = Schemas['PlaybookParseResult'];
export type PlaybookDefinition = Schemas['PlaybookDefinition'];
export type PlaybookStep = Schemas['PlaybookStep'];
export type PlaybookDiagnostic = Schemas['PlaybookDiagnostic'];
export type PlaybookHistory = Schemas['PlaybookHistory'];
export type PlaybookVersionSummary = Schemas['PlaybookVersionSummary'];
export type PlaybookInput = Schemas['PlaybookInput'];
export type PlaybookExecution = Schemas['PlaybookExecutionView'];
export type PlaybookRunStep = Schemas['StepView'];
export type PlaybookArtifact = Schemas['ArtifactView'];
export type PlaybookElicitation = Schemas['PendingElicitation'];
