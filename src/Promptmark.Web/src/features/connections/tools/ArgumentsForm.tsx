import '@mantine/dates/styles.css';
import Form from '@rjsf/mantine';
import validator from '@rjsf/validator-ajv8';
import type { RJSFSchema, UiSchema } from '@rjsf/utils';

const uiSchema: UiSchema = { 'ui:submitButtonOptions': { norender: true } };

/** The tool's arguments as a form generated from its input schema (react-jsonschema-form, Mantine widgets). */
export function ArgumentsForm({ schema, value, onChange }: { schema: RJSFSchema; value: Record<string, unknown>; onChange: (value: Record<string, unknown>) => void }) {
  return (
    <Form
      schema={schema}
      uiSchema={uiSchema}
      formData={value}
      validator={validator}
      onChange={(e) => onChange((e.formData ?? {}) as Record<string, unknown>)}
      showErrorList={false}
      noHtml5Validate
      idPrefix="arg"
    />
  );
}
