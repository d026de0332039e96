namespace Rampart.Forge.Code;

/// <summary>How a source file is read: plain JavaScript goes straight to Acornima, the rest through the Node.js front end first.</summary>
public enum SourceLanguage
{
    JavaScript,
    Jsx,
    TypeScript,
    Tsx,
}
