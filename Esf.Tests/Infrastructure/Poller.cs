namespace Esf.Tests.Infrastructure;

/// <summary>Polls an asynchronous outcome until it holds or the timeout passes; the failure says what was last seen.</summary>
public static class Poller
{
    public static async Task<T> UntilAsync<T>(Func<Task<T>> probe, Func<T, bool> done, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        var last = await probe();
        while (!done(last))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Timed out waiting for {what}; last seen: {last}");
            }

            await Task.Delay(50);
            last = await probe();
        }

        return last;
    }
}
