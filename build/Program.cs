using ContrastivePipeline.Build.Host;

// Wiring only: the tasks are the classes in Tasks/, the host is Host/PipelineHost.
return PipelineHost.Run(args);
