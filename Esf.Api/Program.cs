using Esf.Api.Cli;
using Esf.Api.Hosting;

namespace Esf.Api;

/// <summary>The one executable: <c>serve</c> (default) runs the gateway and/or worker; the other verbs are client tools.</summary>
public partial class Program
{
    public static async Task<int> Main(string[] args)
    {
        var verb = args.Length > 0 && !args[0].StartsWith('-') ? args[0] : "serve";
        var rest = args.Length > 0 && !args[0].StartsWith('-') ? args[1..] : args;
        return verb switch
        {
            "serve" => await GatewayApp.RunAsync(rest),
            "sign" => await SignCommand.RunAsync(rest),
            "upload" => await UploadCommand.RunAsync(rest),
            "status" => await StatusCommand.RunAsync(rest),
            "export" => await ExportCommand.RunAsync(rest),
            "updates" => await UpdatesCommand.RunAsync(rest),
            _ => Usage(verb),
        };
    }

    private static int Usage(string verb)
    {
        Console.Error.WriteLine($"Unknown verb '{verb}'. Verbs: serve (default), sign, upload, status, export, updates. Add --help to a verb for its options.");
        return 2;
    }
}
