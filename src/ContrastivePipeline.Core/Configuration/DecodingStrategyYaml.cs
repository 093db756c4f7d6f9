using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.Serialization;

namespace ContrastivePipeline.Configuration;

/// <summary>A strategy in the resolved experiment YAML is its name, as an experiment file writes it (YamlBinder reads it).</summary>
internal sealed class DecodingStrategyYaml : IYamlTypeConverter
{
    public bool Accepts(Type type) => typeof(DecodingStrategy).IsAssignableFrom(type);

    public object? ReadYaml(IParser parser, Type type, ObjectDeserializer rootDeserializer) =>
        DecodingStrategy.Named(parser.Consume<Scalar>().Value);

    public void WriteYaml(IEmitter emitter, object? value, Type type, ObjectSerializer serializer) =>
        emitter.Emit(new Scalar(((DecodingStrategy)value!).Name));
}
