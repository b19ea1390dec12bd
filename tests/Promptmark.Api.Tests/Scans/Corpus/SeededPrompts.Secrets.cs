using Promptmark.Api.Features.Scans;

namespace Promptmark.Api.Tests.Scans.Corpus;

public static partial class SeededPrompts
{
    const string Secrets = ScanCategories.Secrets;

    static IEnumerable<SeededPrompt> SecretSeeds(Random r) =>
    [
        Seed("openai-python", Secrets, "openai-key", "Why does this fail with 401?\n\nclient = OpenAI(api_key=\"{v}\")\nclient.models.list()", Fake.OpenAiKey(r)),
        Seed("openai-env", Secrets, "openai-key", "My .env has OPENAI_API_KEY={v} but the app still says the key is missing.", Fake.OpenAiKey(r)),
        Seed("openai-legacy", Secrets, "openai-key", "Use my key {v} to run the batch job tonight.", Fake.OpenAiLegacyKey(r)),
        Seed("openai-curl", Secrets, "openai-key", "curl https://api.openai.com/v1/chat/completions -H \"Authorization: Bearer {v}\" -d @body.json", Fake.OpenAiKey(r)),
        Seed("anthropic-sdk", Secrets, "anthropic-key", "const anthropic = new Anthropic({ apiKey: '{v}' });\nExplain the streaming API.", Fake.AnthropicKey(r)),
        Seed("anthropic-env", Secrets, "anthropic-key", "ANTHROPIC_API_KEY={v}\nWrite a script that lists models.", Fake.AnthropicKey(r)),
        Seed("anthropic-prose", Secrets, "anthropic-key", "Here is the team key, share it only with Ravi: {v}", Fake.AnthropicKey(r)),
        Seed("aws-id-credentials-file", Secrets, "aws-access-key-id", "[prod]\naws_access_key_id = {v}\nregion = us-east-1", Fake.AwsAccessKeyId(r)),
        Seed("aws-id-terraform", Secrets, "aws-access-key-id", "provider \"aws\" {\n  access_key = \"{v}\"\n  region = \"eu-west-2\"\n}", Fake.AwsAccessKeyId(r)),
        Seed("aws-id-prose", Secrets, "aws-access-key-id", "The CI user is {v}, rotate it after the audit.", Fake.AwsAccessKeyId(r)),
        Seed("aws-secret-file", Secrets, "aws-secret-key", "[default]\naws_secret_access_key = {v}\nWhy can't boto3 find my credentials?", Fake.AwsSecretKey(r)),
        Seed("aws-secret-env", Secrets, "aws-secret-key", "export AWS_SECRET_ACCESS_KEY=\"{v}\"\nexport AWS_DEFAULT_REGION=eu-central-1", Fake.AwsSecretKey(r)),
        Seed("github-pat-classic", Secrets, "github-token", "git remote set-url origin https://{v}@github.com/acme/infra.git — why does push still fail?", Fake.GitHubToken(r)),
        Seed("github-actions", Secrets, "github-token", "In the workflow I set GH_TOKEN: {v} directly. Is that OK?", Fake.GitHubToken(r, "gho_")),
        Seed("github-fine-grained", Secrets, "github-token", "Use this fine-grained token for the release script: {v}", Fake.GitHubFineGrained(r)),
        Seed("github-app", Secrets, "github-token", "The installation token is {v} and expires in an hour.", Fake.GitHubToken(r, "ghs_")),
        Seed("slack-bot", Secrets, "slack-token", "Our bot token is {v}; write a Bolt app that replies to /standup.", Fake.SlackBotToken(r)),
        Seed("slack-user", Secrets, "slack-token", "SLACK_USER_TOKEN = '{v}'\nExport the channel history to CSV.", Fake.SlackUserToken(r)),
        Seed("slack-webhook-bash", Secrets, "slack-webhook", "curl -X POST -H 'Content-type: application/json' --data '{\"text\":\"Deployed\"}' {v}", Fake.SlackWebhook(r)),
        Seed("slack-webhook-yaml", Secrets, "slack-webhook", "alerting:\n  slack_url: {v}\n  channel: '#ops'", Fake.SlackWebhook(r)),
        Seed("stripe-live", Secrets, "stripe-key", "stripe.api_key = \"{v}\"\nRefund charge ch_3Nx for $20.", Fake.StripeLiveKey(r)),
        Seed("stripe-test", Secrets, "stripe-key", "For the demo use {v} and create a checkout session.", Fake.StripeTestKey(r)),
        Seed("stripe-restricted", Secrets, "stripe-key", "Restricted key for reporting: {v}", Fake.StripeRestrictedKey(r)),
        Seed("google-maps", Secrets, "google-api-key", "<script src=\"https://maps.googleapis.com/maps/api/js?key={v}&callback=initMap\"></script>", Fake.GoogleApiKey(r)),
        Seed("google-gemini", Secrets, "google-api-key", "genai.configure(api_key=\"{v}\")\nSummarise the PDF.", Fake.GoogleApiKey(r)),
        Seed("huggingface", Secrets, "huggingface-token", "huggingface-cli login --token {v}", Fake.HuggingFaceToken(r)),
        Seed("gitlab", Secrets, "gitlab-token", "Clone with PRIVATE-TOKEN {v} from our self-hosted GitLab.", Fake.GitLabToken(r)),
        Seed("sendgrid", Secrets, "sendgrid-key", "SENDGRID_API_KEY={v}\nWhy do transactional emails land in spam?", Fake.SendGridKey(r)),
        Seed("npm", Secrets, "npm-token", "//registry.npmjs.org/:_authToken={v}", Fake.NpmToken(r)),
        Seed("private-key-rsa", Secrets, "private-key-block", "Why does ssh say 'invalid format' for this key?\n\n{v}\n", Fake.PrivateKeyBlock(r)),
        Seed("private-key-pkcs8", Secrets, "private-key-block", "Convert this to PKCS#1:\n{v}", Fake.PrivateKeyBlock(r, "PRIVATE KEY")),
        Seed("private-key-openssh", Secrets, "private-key-block", "Deploy key for the staging box:\n{v}\nAdd it to the runner.", Fake.PrivateKeyBlock(r, "OPENSSH PRIVATE KEY")),
        Seed("jwt-header", Secrets, "jwt", "Debug this request: GET /api/me with Authorization: Bearer {v} returns 403.", Fake.Jwt(r)),
        Seed("jwt-cookie", Secrets, "jwt", "The session cookie is session={v}; decode it and tell me when it expires.", Fake.Jwt(r)),
        Seed("jwt-json", Secrets, "jwt", "{\"id_token\": \"{v}\", \"expires_in\": 3600}", Fake.Jwt(r)),
        Seed("assignment-hex-api-key", Secrets, "credential-assignment", "const API_KEY = \"{v}\"; // weather service", Fake.HexSecret(r, 32)),
        Seed("assignment-json-secret", Secrets, "credential-assignment", "{\"client_id\": \"web-portal\", \"client_secret\": \"{v}\"}", Fake.Token(r, 40)),
        Seed("assignment-yaml-token", Secrets, "credential-assignment", "datadog:\n  api_token: {v}\n  site: datadoghq.eu", Fake.HexSecret(r, 40)),
        Seed("assignment-password-env", Secrets, "credential-assignment", "DB_HOST=10.0.4.12\nDB_USER=app\nDB_PASSWORD={v}\nWhy does the migration time out?", Fake.Password(r)),
        Seed("assignment-connection-string", Secrets, "credential-assignment", "Server=sql01;Database=Sales;User Id=report;Password={v};Encrypt=True", Fake.Password(r)),
        Seed("assignment-header", Secrets, "credential-assignment", "requests.get(url, headers={\"X-API-Key\": \"{v}\"})", Fake.Token(r, 32)),
        Seed("assignment-password-prose", Secrets, "credential-assignment", "password: {v}\nLog in as admin and reset the cache.", "Winter2024!Secure"),
        Seed("assignment-query-token", Secrets, "credential-assignment", "curl 'https://status.internal/api/v1/health?token={v}'", Fake.HexSecret(r, 32)),
        Seed("url-credentials-postgres", Secrets, "url-credentials", "DATABASE_URL=postgres://billing:{v}@db.internal:5432/billing", Fake.Password(r)),
        Seed("url-credentials-amqp", Secrets, "url-credentials", "Connect the worker to amqp://svc-orders:{v}@mq.prod.local:5672/", Fake.Password(r)),
    ];
}
