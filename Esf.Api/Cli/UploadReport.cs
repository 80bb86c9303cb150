using Esf.Api.Rest.Invoices;
using Esf.Domain.Rules;

namespace Esf.Api.Cli;

/// <summary>Prints what happened to each invoice file, one line each (errors indented below), and counts the outcomes.</summary>
public sealed class UploadReport(CliEnvironment environment)
{
    private int accepted;
    private int declined;
    private int created;
    private int failed;
    private int unfinished;

    public bool AllAccepted => declined == 0;

    public bool AllCreated => failed == 0 && unfinished == 0;

    public void Accepted(string file, AcceptedInvoiceView invoice)
    {
        accepted++;
        Line("accepted", file, $"id={invoice.Id} num={invoice.Num} date={invoice.Date:dd.MM.yyyy}");
    }

    public void Declined(string file, DeclinedInvoiceView invoice)
    {
        declined++;
        Line("declined", file, $"num={invoice.Num} date={invoice.Date:dd.MM.yyyy}");
        Errors(invoice.Errors);
    }

    public void Finished(string file, InvoiceStatusView invoice)
    {
        if (invoice.Status == "CREATED")
        {
            created++;
            Line("created", file, $"id={invoice.Id} {invoice.RegistrationNumber}");
            return;
        }

        failed++;
        Line("failed", file, $"id={invoice.Id} status={invoice.Status}");
        Errors(invoice.Errors);
    }

    public void StillPending(string file, InvoiceStatusView invoice)
    {
        unfinished++;
        Line("pending", file, $"id={invoice.Id} still {invoice.Status} when the wait ended");
    }

    public void Summary(bool waited)
    {
        var registration = waited ? $", {created} created, {failed} failed, {unfinished} unfinished" : "";
        environment.Out.WriteLine($"{accepted} accepted, {declined} declined{registration}");
    }

    private void Line(string outcome, string file, string details) =>
        environment.Out.WriteLine($"{outcome,-9} {Path.GetRelativePath(environment.WorkingDirectory, file)}  {details}");

    private void Errors(IEnumerable<RuleViolation> errors)
    {
        foreach (var error in errors)
        {
            environment.Out.WriteLine($"          {error.RuleId} {error.ErrorCode} at {error.Property}: {error.Message}");
        }
    }
}
