namespace Promptmark.Api.Features.Prompts.Templates;

public enum VariableType { String, Text, Number, Boolean, Enum }
