using Esf.Bench;
using NUnit.Framework;

namespace Esf.Tests.Bench;

[TestFixture]
public sealed class JitLogTests
{
    [Test]
    public void Read_WhenThePerfMapHasStubsAndTiers_CountsCompilationsByTier()
    {
        var directory = Directory.CreateTempSubdirectory("esf-jitlog-").FullName;
        try
        {
            File.WriteAllLines(Path.Combine(directory, "perf-4242.map"),
            [
                "7fcf1ee20000 110 stub InitThreadManagerPerfMapData<JIT_CopiedWriteBarriers>",
                "7fcf1fe71860 3e int32 [esf] Program::<Main>(string[])[QuickJitted]",
                "7fcf1fe718c0 8b instance void [esf] Esf.A::B()[OptimizedTier1]",
                "7fcf1fe71970 23 instance void [esf] Esf.A::C()[OptimizedTier1OSR]",
                "7fcf1fe719b0 f2 void [esf] Esf.A::D()[Optimized]",
                "7fcf1fe71ad0 18 void [esf] Esf.A::E()[InstrumentedTier]",
            ]);

            Assert.Multiple(() =>
            {
                Assert.That(JitLog.Read(directory, 4242), Is.EqualTo(new JitCount(Tier0: 2, Optimized: 3)));
                Assert.That(JitLog.Read(directory, 4243), Is.EqualTo(default(JitCount)), "no map: nothing known");
            });
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
