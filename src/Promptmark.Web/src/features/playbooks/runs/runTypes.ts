import type { components } from '@/lib/api/schema';

type Schemas = components['schemas'];
export type PlaybookExecution = Schemas['PlaybookExecutionView'];
export type RunStep = Schemas['StepView'];
export type RunSummary = Schemas['ExecutionSummary'];
export type PlaybookInput = Schemas['PlaybookInput'];
export type Artifact = Schemas['ArtifactView'];
export type Elicitation = Schemas['PendingElicitation'];

/** A step the run is taking now (the stream's `step_started`). */
export interface StartedStep {
  label: string;
  number: number;
  title: string;
}
