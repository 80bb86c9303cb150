namespace Esf.Api.Journal;

/// <summary>The journal's one style sheet, served from /journal/assets/journal.css (the CSP allows styles from 'self' only).</summary>
public static class JournalStyles
{
    public const string Path = "/journal/assets/journal.css";

    public const string Css = """
        * { box-sizing: border-box; }
        body { font-family: "DejaVu Sans", Arial, sans-serif; font-size: 14px; color: #1a1a1a; background: #fff; margin: 0; }
        a { color: #0b4f9c; }
        .skip { position: absolute; left: -10000px; }
        .skip:focus { left: 8px; top: 8px; background: #fff; padding: 4px; }
        .top { display: flex; flex-wrap: wrap; gap: 16px; align-items: center; padding: 8px 16px; background: #0b3d6e; color: #fff; }
        .top a { color: #fff; }
        .brand { font-weight: bold; font-size: 16px; }
        .top nav a { margin-right: 12px; }
        .top form { margin-left: auto; display: flex; gap: 8px; align-items: center; }
        main { padding: 12px 16px 32px; }
        h1 { font-size: 22px; margin: 8px 0 12px; }
        h2 { font-size: 18px; margin: 20px 0 8px; }
        h3 { font-size: 15px; margin: 14px 0 6px; background: #e8e8e8; padding: 2px 4px; }
        fieldset { border: 1px solid #999; margin: 0 0 12px; padding: 8px 12px; }
        legend { font-weight: bold; }
        .grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(230px, 1fr)); gap: 8px 16px; }
        label { display: block; font-size: 13px; }
        input, select, textarea, button { font: inherit; }
        input[type=text], input[type=date], input[type=password], input[type=number], select, textarea { width: 100%; padding: 3px; border: 1px solid #666; }
        button { background: #0b4f9c; color: #fff; border: 0; padding: 6px 14px; cursor: pointer; }
        .top button { background: #fff; color: #0b3d6e; }
        .error { border: 2px solid #a00000; background: #fff0f0; color: #7a0000; padding: 8px; margin: 8px 0; }
        .ok { border: 2px solid #0a6b1f; background: #effaf1; color: #07531a; padding: 8px; margin: 8px 0; }
        table { border-collapse: collapse; width: 100%; margin: 6px 0; }
        th, td { border: 1px solid #888; padding: 3px 6px; text-align: left; vertical-align: top; }
        thead th { background: #eef1f5; }
        .num { text-align: right; }
        .pager { margin: 8px 0; display: flex; gap: 16px; }
        .actions a { margin-right: 16px; }
        .fields { table-layout: fixed; }
        .fields th { width: 4%; font-weight: normal; }
        .fields .label { width: 22%; color: #333; }
        .fields .value { width: 24%; overflow-wrap: anywhere; }
        .goods { font-size: 12px; }
        .goods caption { text-align: left; font-weight: bold; }
        .qr { width: 120px; height: 120px; }
        .form-head { display: flex; justify-content: space-between; gap: 12px; }
        .form-head h1 { font-size: 18px; }
        .verify { margin: 0; text-align: center; }
        .logins { display: grid; grid-template-columns: repeat(auto-fit, minmax(320px, 1fr)); gap: 16px; }
        """;
}
