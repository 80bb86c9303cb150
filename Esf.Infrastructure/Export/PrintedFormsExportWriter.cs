using System.IO.Compression;
using Esf.Infrastructure.Invoices;
using Esf.Infrastructure.Printing;

namespace Esf.Infrastructure.Export;

/// <summary>
/// A ZIP of printed forms, one PDF per invoice (named by registration number, else esf-&lt;id&gt;), sent entry by entry: the
/// archive goes out as it is made (data descriptors, no seeking), so memory holds one form at a time whatever the export's size.
/// </summary>
internal sealed class PrintedFormsExportWriter : IExportWriter<InvoiceRecord>
{
    private readonly DrainedBuffer buffer;
    private readonly ZipArchive archive;
    private readonly Uri? publicBase;

    public PrintedFormsExportWriter(Stream output, Uri? publicBase)
    {
        buffer = new DrainedBuffer(output);
        archive = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true);
        this.publicBase = publicBase;
    }

    public Task StartAsync() => Task.CompletedTask;

    public async Task WriteAsync(InvoiceRecord invoice, string cursor)
    {
        var printed = InvoicePrinter.Print(invoice, PrintFormat.Pdf, publicBase);
        // The PDF's streams are already deflated: compressing them again would only cost CPU.
        using (var stream = archive.CreateEntry(printed.FileName, CompressionLevel.NoCompression).Open())
        {
            stream.Write(printed.Content);
        }

        await buffer.DrainAsync();
    }

    public Task FlushAsync() => Task.CompletedTask;

    public async Task EndAsync()
    {
        archive.Dispose();
        await buffer.DrainAsync();
    }

    public ValueTask DisposeAsync()
    {
        archive.Dispose();
        buffer.Dispose();
        return ValueTask.CompletedTask;
    }
}
