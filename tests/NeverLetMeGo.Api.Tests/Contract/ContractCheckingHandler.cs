namespace NeverLetMeGo.Api.Tests.Contract;

/// <summary>A response that breaks openapi/v1.json; thrown where the test received it, so that test fails and says why.</summary>
public sealed class ContractViolationException(string message) : Exception(message);

/// <summary>
/// Sits under every API test's HttpClient: each response is checked against the committed OpenAPI document before the
/// test sees it, so the document cannot drift from what the API sends without some test failing.
/// </summary>
internal sealed class ContractCheckingHandler(ContractDocument document) : DelegatingHandler(new SocketsHttpHandler())
{
    private static int _checked;

    /// <summary>How many responses this test run has checked (all fixtures together).</summary>
    public static int Checked => Volatile.Read(ref _checked);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        // Buffered so that the test can still read the body after the check.
        await response.Content.LoadIntoBufferAsync(cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        var errors = document.Check(request.Method.Method, request.RequestUri!.AbsolutePath, response.StatusCode, response.Content.Headers.ContentType?.MediaType, body);
        Interlocked.Increment(ref _checked);
        if (errors.Count > 0)
        {
            throw new ContractViolationException(
                $"{request.Method} {request.RequestUri.PathAndQuery} answered {(int)response.StatusCode} outside openapi/v1.json:\n  {string.Join("\n  ", errors)}\n{body[..Math.Min(body.Length, 2000)]}");
        }

        return response;
    }
}
