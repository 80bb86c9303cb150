using System.ServiceModel;
using System.ServiceModel.Description;

namespace Esf.Tests.Soap.Wcf;

/// <summary>Channels to the gateway over plain HTTP BasicHttpBinding, as a WCF client would configure them.</summary>
public static class WcfClients
{
    public static TService Create<TService>(Uri baseAddress, string serviceName, IEndpointBehavior? behavior = null)
    {
        var binding = new BasicHttpBinding(BasicHttpSecurityMode.None) { MaxReceivedMessageSize = 20_000_000 };
        var factory = new ChannelFactory<TService>(binding, new EndpointAddress(new Uri(baseAddress, $"esf-web/ws/api1/{serviceName}")));
        if (behavior is not null)
        {
            factory.Endpoint.EndpointBehaviors.Add(behavior);
        }

        return factory.CreateChannel();
    }
}
