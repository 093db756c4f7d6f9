using ContrastivePipeline.Build.Internal;

// Wiring only: the tasks are the classes in Tasks/, the host is Internal/PipelineHost.
return PipelineHost.Run(args);
