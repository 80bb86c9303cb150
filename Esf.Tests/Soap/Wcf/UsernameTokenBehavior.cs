using System.ServiceModel;
using System.ServiceModel.Channels;
using System.ServiceModel.Description;
using System.ServiceModel.Dispatcher;
using System.Xml;

namespace Esf.Tests.Soap.Wcf;

/// <summary>
/// Adds a WS-Security UsernameToken header (mustUnderstand, wsu:Id, PasswordText) to every call, the way WCF's
/// UserNameOverTransport binding writes it. That binding refuses plain HTTP, so the header is added by an inspector.
/// </summary>
public sealed class UsernameTokenBehavior(string username, string password) : IEndpointBehavior, IClientMessageInspector
{
    public void ApplyClientBehavior(ServiceEndpoint endpoint, ClientRuntime clientRuntime) => clientRuntime.ClientMessageInspectors.Add(this);

    public object? BeforeSendRequest(ref Message request, IClientChannel channel)
    {
        request.Headers.Add(new SecurityHeader(username, password));
        return null;
    }

    public void AfterReceiveReply(ref Message reply, object? correlationState)
    {
    }

    public void AddBindingParameters(ServiceEndpoint endpoint, BindingParameterCollection bindingParameters)
    {
    }

    public void ApplyDispatchBehavior(ServiceEndpoint endpoint, EndpointDispatcher endpointDispatcher)
    {
    }

    public void Validate(ServiceEndpoint endpoint)
    {
    }

    private sealed class SecurityHeader(string username, string password) : MessageHeader
    {
        private const string Wsse = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd";
        private const string Wsu = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd";
        private const string PasswordText = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordText";

        public override string Name => "Security";

        public override string Namespace => Wsse;

        public override bool MustUnderstand => true;

        protected override void OnWriteStartHeader(XmlDictionaryWriter writer, MessageVersion messageVersion)
        {
            writer.WriteStartElement("o", Name, Namespace);
            WriteHeaderAttributes(writer, messageVersion);
        }

        protected override void OnWriteHeaderContents(XmlDictionaryWriter writer, MessageVersion messageVersion)
        {
            writer.WriteStartElement("o", "UsernameToken", Wsse);
            writer.WriteAttributeString("u", "Id", Wsu, "uuid-" + Guid.NewGuid() + "-1");
            writer.WriteElementString("o", "Username", Wsse, username);
            writer.WriteStartElement("o", "Password", Wsse);
            writer.WriteAttributeString("Type", PasswordText);
            writer.WriteString(password);
            writer.WriteEndElement();
            writer.WriteEndElement();
        }
    }
}
