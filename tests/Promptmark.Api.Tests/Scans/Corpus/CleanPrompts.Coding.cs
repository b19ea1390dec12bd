namespace Promptmark.Api.Tests.Scans.Corpus;

/// <summary>Clean prompts about code: placeholder keys, config, SQL, JSON, hashes, ids and URLs that must not be flagged.</summary>
public static partial class CleanPrompts
{
    static readonly (string Name, string Text)[] Coding =
    [
        ("openai-client-placeholder", """
            Write a Python function that calls the chat completions API.
            Read the key from the environment, never hard-code it:

            ```python
            import os
            from openai import OpenAI
            client = OpenAI(api_key=os.environ["OPENAI_API_KEY"])
            ```
            In the README, tell users to run `export OPENAI_API_KEY=sk-...` first.
            """),
        ("dotenv-template", """
            Generate a .env.example file for our Node service with these entries and a comment above each:
            OPENAI_API_KEY=your-openai-key-here
            STRIPE_SECRET_KEY=sk_test_your_key_here
            DATABASE_URL=postgres://postgres:postgres@localhost:5432/app_dev
            JWT_SECRET=change-me
            REDIS_URL=redis://localhost:6379/0
            """),
        ("aws-docs-example", """
            Explain what each line of this AWS credentials file does. The values are the official documentation examples.

            [default]
            aws_access_key_id = AKIAIOSFODNN7EXAMPLE
            aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY
            region = eu-west-1
            """),
        ("sql-report", """
            You are a senior analyst. Write a PostgreSQL query that returns monthly revenue for 2023 and 2024,
            grouped by plan, excluding refunds. Tables:
            orders(id bigint, customer_id uuid, plan text, amount_cents int, created_at timestamptz, refunded boolean)
            Example row: (100245, 'c0a80121-7ac0-4e1c-9f10-2b2d1f0e4a11', 'pro', 4900, '2024-02-29 23:59:59+00', false)
            Order the result by month, then by revenue descending. Use date_trunc('month', created_at).
            """),
        ("json-schema-extraction", """
            Extract the invoice fields into JSON matching this schema. Dates are ISO 8601, amounts are decimals.
            {
              "invoice_number": "INV-2024-00871",
              "issued_on": "2024-05-17",
              "due_on": "2024-06-16",
              "currency": "EUR",
              "total": 1299.50,
              "line_items": [{"sku": "HW-4431-77", "qty": 3, "unit_price": 399.00}],
              "customer_email": "billing@example.com"
            }
            Return only the JSON object.
            """),
        ("git-log-summary", """
            Summarise these commits for the release notes of v2.14.0:

            3f9c2ab1d4e5f60718293a4b5c6d7e8f90a1b2c3 Fix race in job scheduler (#4412)
            9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a2f1e0d Bump lodash from 4.17.20 to 4.17.21
            a1b2c3d Add retry with exponential backoff (max 5 attempts, base 250 ms)

            Group by feature, fix and chore. Keep commit hashes out of the prose.
            """),
        ("regex-help", """
            I need a .NET regex that validates semantic versions like 1.0.0, 2.10.3-beta.1 and 10.0.100-rc.2+build.5.
            Explain each group. Also show three strings that must fail, e.g. 1.0, 01.2.3 and 1.2.3.4.
            """),
        ("docker-compose", """
            Review this docker-compose file for security problems and suggest fixes:

            services:
              db:
                image: postgres:16.3
                environment:
                  POSTGRES_PASSWORD: ${POSTGRES_PASSWORD}
                ports: ["5432:5432"]
              api:
                image: ghcr.io/acme/api:2024.06.1
                environment:
                  - API_KEY=${API_KEY}
                  - LOG_LEVEL=debug
            """),
        ("kubernetes-secret-template", """
            Write a Kubernetes Secret manifest template for our API. Use placeholders, not real data:

            apiVersion: v1
            kind: Secret
            metadata:
              name: api-credentials
            type: Opaque
            stringData:
              api-key: <YOUR_API_KEY>
              db-password: "{{ .Values.db.password }}"
            """),
        ("curl-example", """
            Turn this curl call into a TypeScript fetch call with proper error handling:

            curl https://api.example.com/v1/orders?status=open&limit=50&cursor=eyJpZCI6MTAwfQ \
              -H "Authorization: Bearer $API_TOKEN" \
              -H "Content-Type: application/json"
            """),
        ("uuid-and-hash-table", """
            Format this as a markdown table with columns id, sha256 and size:
            7c9e6679-7425-40de-944b-e07fc1f90ae7  e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855  0 B
            16fd2706-8baf-433b-82eb-8c7fada847da  9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08  4 B
            """),
        ("base64-image", """
            The user pasted an image as a data URL. Describe what the image likely contains based on the alt text,
            and tell them to upload the file instead of pasting base64:
            <img alt="company logo" src="data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==">
            """),
        ("regex-for-emails", """
            Write unit tests for an email validator. Valid: user@example.com, first.last+tag@sub.example.org.
            Invalid: plainaddress, @missing-local.example, user@, user@@example.com.
            """),
        ("stack-trace-debug", """
            Our worker crashes with this trace. What is the likely cause?

            System.InvalidOperationException: Sequence contains no elements
               at System.Linq.ThrowHelper.ThrowNoElementsException()
               at Billing.Invoices.NextNumber(Int32 year) in /src/Billing/Invoices.cs:line 214
               at Billing.Jobs.MonthlyRun.ExecuteAsync(CancellationToken ct) in /src/Billing/Jobs/MonthlyRun.cs:line 57
            Timestamp: 2024-11-03T02:00:04.118Z, pod billing-worker-7d9f8b6c5d-x2kqp, node ip-10-0-3-117.
            """),
        ("kill-process", """
            The dev server on port 3000 is stuck. Show me how to find the PID with lsof and kill the process,
            first gracefully with SIGTERM, then with kill -9 if it does not exit within 10 seconds.
            """),
        ("token-counting", """
            Write a function that estimates the token count of a prompt. Set max_tokens=4096 for the response,
            keep the context under 128000 tokens, and log token_count and prompt_tokens for each request.
            tokenizer = tiktoken.get_encoding("cl100k_base")
            """),
        ("password-reset-flow", """
            Design the password reset flow for our web app. Requirements: reset tokens expire after 30 minutes,
            are single-use, and are stored hashed (password_reset_token_hash). The email links to
            https://app.example.com/reset?token={{reset_token}}. Describe the database columns and the API endpoints.
            """),
        ("jwt-explainer", """
            Explain the three parts of a JSON Web Token using the classic jwt.io example:
            eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c
            Then explain why the signature cannot be forged without the secret.
            """),
        ("pem-placeholder", """
            Write a Go function that loads a PEM-encoded private key from a file path given in the config.
            The file looks like this:
            -----BEGIN PRIVATE KEY-----
            ...base64 key material...
            -----END PRIVATE KEY-----
            Return a helpful error if the block type is wrong.
            """),
        ("slack-webhook-docs", """
            Write a bash script that posts a deployment message to Slack. Take the webhook URL from $SLACK_WEBHOOK_URL.
            Document the format in a comment, e.g. https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX
            """),
        ("stripe-test-cards", """
            Write Playwright tests for our checkout. Use Stripe's documented test cards:
            4242 4242 4242 4242 (succeeds), 4000 0000 0000 0002 (declined), 4000 0025 0000 3155 (requires 3-D Secure).
            Any future expiry like 12/34 and any CVC like 123 works.
            """),
        ("ip-and-ports", """
            Write an nginx config that proxies 443 to the upstream at 10.0.12.34:8080 and 10.0.12.35:8080,
            rate-limits to 20 r/s per IP, and blocks 203.0.113.0/24. The health check is GET /healthz every 5s.
            """),
        ("csharp-record-review", """
            Review this C# code and suggest improvements:

            public sealed record Order(Guid Id, decimal Total, DateTimeOffset PlacedAt);
            var order = new Order(Guid.Parse("3fa85f64-5717-4562-b3fc-2c963f66afa6"), 249.99m, DateTimeOffset.Parse("2024-07-01T09:30:00+02:00"));
            var secretSauce = ComputeDiscount(order); // rename this
            """),
        ("connection-string-template", """
            Write appsettings.json for local development. The connection string should use integrated security,
            e.g. "Server=localhost;Database=Shop;Trusted_Connection=True;TrustServerCertificate=True".
            For production we read Password from Azure Key Vault via the secret name "sql-admin-password".
            """),
        ("npm-versions", """
            Upgrade this package.json to the latest majors and list breaking changes:
            "react": "^17.0.2", "react-dom": "^17.0.2", "webpack": "4.46.0", "typescript": "~4.9.5", "@types/node": "18.19.3"
            """),
        ("oauth-flow", """
            Explain the OAuth 2.0 authorization code flow with PKCE. Use these example values:
            client_id=app-4f1c, redirect_uri=https://app.example.com/callback, code_challenge_method=S256,
            state=af0ifjsldkj, scope=openid profile email. Show the token request and the token response shape
            with access_token, refresh_token, expires_in=3600 and token_type=Bearer.
            """),
        ("log-analysis", """
            Find the anomaly in these access log lines:
            203.0.113.7 - - [12/Mar/2024:10:15:32 +0000] "GET /api/v2/products?page=3&sort=price_desc HTTP/1.1" 200 5123
            203.0.113.7 - - [12/Mar/2024:10:15:33 +0000] "GET /api/v2/products?page=4&sort=price_desc HTTP/1.1" 200 5087
            198.51.100.23 - - [12/Mar/2024:10:15:34 +0000] "POST /login HTTP/1.1" 401 88
            """),
        ("unit-test-names", """
            Suggest better names for these xUnit tests and group them by behaviour:
            Test1_ShouldIgnoreCase, Test2_IgnoreWhitespace, Test3_OverrideDefaults, TestBypassCache_WhenFlagSet
            """),
        ("hex-colors", """
            Generate a dark theme palette. Background #0f172a, surface #1e293b, primary #38bdf8, accent #f472b6.
            Give each colour a CSS custom property and check contrast ratios against #e2e8f0 text.
            """),
        ("cron-schedules", """
            Convert these schedules to cron expressions: every day at 02:30, every Monday at 09:00,
            the first day of each month at 00:05, and every 15 minutes between 08:00 and 18:00 on weekdays.
            """),
        ("env-var-secrets-manager", """
            Refactor this config loader so secrets come from AWS Secrets Manager instead of env vars:

            const apiKey = process.env.PAYMENTS_API_KEY;
            const dbPassword = process.env.DB_PASSWORD;
            const secretArn = "arn:aws:secretsmanager:eu-central-1:123456789012:secret:prod/payments-AbC123";
            """),
        ("security-headers", """
            Write middleware that sets these headers: Strict-Transport-Security max-age=31536000; includeSubDomains,
            Content-Security-Policy default-src 'self', X-Content-Type-Options nosniff. Explain each briefly.
            """),
        ("ssh-config", """
            Explain this SSH config and how to add a second key for work repositories:
            Host github.com
              HostName github.com
              User git
              IdentityFile ~/.ssh/id_ed25519
            Then show how to clone git@github.com:acme/platform.git with the work key.
            """),
        ("graphql-schema", """
            Design a GraphQL schema for a library: Book(id: ID!, isbn: String!, title: String!, publishedYear: Int),
            with example ISBN 978-0-13-468599-1 and a query that paginates with first: 20, after: "Y3Vyc29yOjIw".
            """),
        ("data-migration", """
            Write a migration that splits full_name into first_name and last_name for 2,400,000 rows in batches of 10,000.
            Keep it idempotent, log progress every 100,000 rows, and estimate runtime at ~8,000 rows/s.
            """),
        ("ignore-files", """
            Create a .gitignore for a .NET and Node monorepo. Ignore bin/, obj/, node_modules/, .env files and coverage output,
            but do not ignore .env.example. Explain why the previous .gitignore missed the obj/ folders.
            """),
        ("secure-coding-lesson", """
            For our secure coding workshop, explain why hard-coding credentials is dangerous. Use clearly fake examples like
            password = "hunter2" and API_KEY = "REPLACE_ME", and show how a pre-commit hook with gitleaks catches them.
            """),
        ("python-decorators", """
            Explain how these decorators work together:
            @app.route("/users/<int:user_id>", methods=["GET"])
            @login_required
            @cache.cached(timeout=300)
            def get_user(user_id): ...
            """),
        ("math-expressions", """
            Simplify step by step: (3x + 12) / 3 + 2(x - 4) when x = 7, then evaluate 2^10 + 3^5 - 1,000 / 8.
            Finally compute 15% of 2,480 and round to two decimals.
            """),
        ("api-rate-limits", """
            Our API returns 429 after 600 requests per minute per key. Write a client wrapper that reads the
            X-RateLimit-Remaining and Retry-After headers and backs off. Key format looks like pm_live_ followed by 32 characters; never log it.
            """),
    ];
}
