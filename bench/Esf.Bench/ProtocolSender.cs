namespace Esf.Bench;

/// <summary>What the gateway answered to one upload: invoices queued for registration, and invoices refused by its checks.</summary>
public readonly record struct UploadCount(int Accepted, int Declined);

/// <summary>
/// One sender's session with the gateway over one protocol. The session is opened before the clock starts and the uploads are
/// serialised before it too (they may carry the session id); during the run the uploads are only sent.
/// </summary>
public abstract class ProtocolSender(HttpClient http, Sender sender, IScenario scenario)
{
    private bool _reportedDecline;

    public Sender Sender => sender;

    /// <summary>"REST" or "SOAP".</summary>
    public abstract string Protocol { get; }

    public HttpClient Http => http;

    /// <summary>What is uploaded, and how its answer is read.</summary>
    protected IScenario Scenario => scenario;

    protected string SessionId { get; set; } = "";

    public abstract Task OpenAsync(CancellationToken cancellationToken);

    /// <summary>The request body of one upload of these documents (all of this sender).</summary>
    public abstract byte[] Payload(IReadOnlyList<SignedDocument> documents);

    public abstract Task<UploadCount> SendAsync(byte[] payload, CancellationToken cancellationToken);

    public abstract Task CloseAsync(CancellationToken cancellationToken);

    /// <summary>The answer's text; a failed call (HTTP error, SOAP fault) stops the bench.</summary>
    protected static async Task<string> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        return response.IsSuccessStatusCode
            ? text
            : throw new InvalidOperationException($"{response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}: {text}");
    }

    /// <summary>Counts the answer; shows the first declined document of this sender (a clean run has none).</summary>
    protected UploadCount Count(UploadAnswer answer)
    {
        if (answer.Declined > 0 && !_reportedDecline)
        {
            _reportedDecline = true;
            Console.Error.WriteLine($"  sender {Sender.Index} ({Protocol}): declined {Scenario.Documents}, first: {answer.FirstDeclined}");
        }

        return new UploadCount(answer.Accepted, answer.Declined);
    }
}
