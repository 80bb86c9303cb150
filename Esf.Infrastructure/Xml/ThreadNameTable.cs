using System.Xml;

namespace Esf.Infrastructure.Xml;

/// <summary>
/// One XML name table per thread, reused by the bodies that thread reads (issue 17): a new table per body atomized every
/// element name of every invoice anew, ≈ 5 KB per invoice. A table that grew past <see cref="MaxNames"/> names (bodies full
/// of names no schema knows) is dropped before the next body, so hostile input cannot make it grow without bound.
/// </summary>
internal sealed class ThreadNameTable : XmlNameTable
{
    private const int MaxNames = 4096;

    [ThreadStatic]
    private static ThreadNameTable? current;

    private NameTable names = new();
    private int count;

    /// <summary>This thread's table, for one document read from start to end on this thread (never shared while in use).</summary>
    public static XmlNameTable ForNextDocument()
    {
        var table = current ??= new ThreadNameTable();
        if (table.count > MaxNames)
        {
            table.names = new NameTable();
            table.count = 0;
        }

        return table;
    }

    public override string Add(char[] array, int offset, int length) =>
        names.Get(array, offset, length) ?? Counted(names.Add(array, offset, length));

    public override string Add(string array) => names.Get(array) ?? Counted(names.Add(array));

    public override string? Get(char[] array, int offset, int length) => names.Get(array, offset, length);

    public override string? Get(string array) => names.Get(array);

    private string Counted(string added)
    {
        count++;
        return added;
    }
}
