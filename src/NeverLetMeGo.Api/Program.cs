using NeverLetMeGo.Api;

var app = await ApiApp.BuildAsync(args);
await app.RunAsync();
