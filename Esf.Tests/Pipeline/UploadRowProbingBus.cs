using System.Reflection;
using Esf.Infrastructure.Messaging.Contracts;
using Esf.Tests.Infrastructure;
using MassTransit;

namespace Esf.Tests.Pipeline;

/// <summary>
/// An <see cref="IBus"/> that sends nothing: asked to publish a <see cref="ValidateUpload"/>, it records whether another
/// transaction holds that upload's row at that moment (a publisher holding it would stall the worker's verdicts while the
/// broker is slow). Any other use of the bus fails the test.
/// </summary>
public class UploadRowProbingBus : DispatchProxy
{
    private const string LockUploadNowait = "SELECT 1 FROM uploads WHERE upload_id = @Id FOR UPDATE NOWAIT";

    /// <summary>Each publication: the upload and whether its row was locked when it was published.</summary>
    public List<(long UploadId, bool RowLocked)> Published { get; } = [];

    public static (IBus Bus, UploadRowProbingBus Probe) Create()
    {
        var bus = Create<IBus, UploadRowProbingBus>();
        return (bus, (UploadRowProbingBus)(object)bus);
    }

    protected override object Invoke(MethodInfo? targetMethod, object?[]? args) =>
        targetMethod?.Name == nameof(IBus.Publish) && args is [ValidateUpload message, ..]
            ? RecordAsync(message.UploadId)
            : throw new NotSupportedException($"The probing bus does not support {targetMethod?.Name}.");

    private async Task RecordAsync(long uploadId) =>
        Published.Add((uploadId, await RowLock.IsHeldAsync(LockUploadNowait, new { Id = uploadId })));
}
