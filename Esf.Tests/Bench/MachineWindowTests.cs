using Esf.Bench;
using NUnit.Framework;

namespace Esf.Tests.Bench;

[TestFixture]
public sealed class MachineWindowTests
{
    [Test]
    public void Others_IsTheBusyTimeLessOursAndInterrupts()
    {
        var window = new MachineWindow(10, 2, Busy: 19, Interrupts: 1, Steal: 0, Ours: 16, [], "");

        Assert.Multiple(() =>
        {
            Assert.That(window.Others, Is.EqualTo(2).Within(1e-9));
            Assert.That(window.OthersShare, Is.EqualTo(0.1).Within(1e-9));
            Assert.That(window.Disturbed, Is.False, "a tenth of the machine is still undisturbed");
        });
    }

    [Test]
    public void Disturbed_WhenOtherWorkTookMoreThanATenthOfTheMachine_IsTrueAndNamesTheBusiest()
    {
        var window = new MachineWindow(10, 2, Busy: 19.5, Interrupts: 0.5, Steal: 0, Ours: 15, [new OtherProcess("csc", 3.1), new OtherProcess("dotnet", 0.8)], "");

        Assert.Multiple(() =>
        {
            Assert.That(window.Disturbed, Is.True);
            Assert.That(window.Describe(), Is.EqualTo("other processes used 4.0 CPU s (20 % of 2 cores; csc 3.1 s, dotnet 0.8 s)"));
        });
    }

    [Test]
    public void Snapshot_WhenNothingElseRuns_CountsThisProcessAsOurs()
    {
        var self = MachineSnapshot.Take([Environment.ProcessId]);

        Assert.That(self.Others.Keys.Select(k => k.Pid), Does.Not.Contain(Environment.ProcessId));
    }
}
